/**
 * Identity on demand (issue 12: the pane's first chunk stays small): shown once the workbook has been read and mapped, so its
 * code loads after the first paint (prefetched while the browser is idle). Same props; nothing shows
 * while the chunk loads, as before the component had anything to show.
 */
import type { ComponentProps, JSX } from "react";
import { Suspense, lazy } from "react";

const Component = lazy(async () => ({ default: (await import(/* webpackChunkName: "identity", webpackPrefetch: true */ "../components/Identity")).Identity }));

export function Identity(props: ComponentProps<typeof Component>): JSX.Element {
  return (
    <Suspense fallback={null}>
      <Component {...props} />
    </Suspense>
  );
}
