/**
 * OutcomePanel on demand (issue 12: the pane's first chunk stays small). It shows once a check has a report,
 * and its code (the results chunk, ./results.ts) has usually loaded by then: it then renders at once,
 * as before; otherwise inside Suspense with nothing shown until the chunk arrives. Same props.
 */
import type { ComponentProps, JSX } from "react";
import { Suspense, lazy, useState } from "react";
import { loadResults, resultsIfLoaded } from "./results";

const Lazy = lazy(async () => ({ default: (await loadResults()).OutcomePanel }));

export function OutcomePanel(props: ComponentProps<typeof Lazy>): JSX.Element {
  // Decided once per mount, so the component never switches between the two (which would remount it).
  const [loaded] = useState(resultsIfLoaded);
  if (loaded) return <loaded.OutcomePanel {...props} />;
  return (
    <Suspense fallback={null}>
      <Lazy {...props} />
    </Suspense>
  );
}
