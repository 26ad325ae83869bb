// How Node.js runs the TypeScript sources: lines that strip types themselves (22.18 and later, 24)
// run them as they are — the sources use only syntax that erases (tsconfig `erasableSyntaxOnly`) —
// and older lines (20) load them through tsx, whose loader hooks cost each process about two seconds
// of CPU. One rule for the start command, the tests, the browser specs' server and the smoke test.
export const typescriptArgs = process.features.typescript ? [] : ['--import', 'tsx'];
