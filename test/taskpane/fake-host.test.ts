/**
 * The pane's tests trust the fake host; the shared host contract (the same suite the Excel, WPS and
 * .xlsx adapters pass) keeps it honest.
 */
import { formatRef, parseCellRef } from "../../src/core";
import { createFakeHost } from "../helpers/fake-host";
import { runHostContract } from "../hosts/host-contract-suite";

runHostContract("fake host (test/helpers/fake-host.ts)", async (snapshot, fills) => {
  const host = createFakeHost(snapshot, { fills });
  return {
    host,
    read: async () => host.snapshot(),
    readFills: async (refs) => refs.map((r) => host.fill(formatRef(parseCellRef(r)))),
  };
});
