// A page loaded with its route, so the sign-in page does not wait for the import wizard or the
// date pickers: `page(() => import('…'), (m) => m.Page)` as a route's `lazy`.
export const page =
  <M>(load: () => Promise<M>, pick: (m: M) => React.ComponentType) =>
  async () => ({
    Component: pick(await load()),
  });
