/** One engine command as the CLI sees it: raw stdin text and the arguments after the command name. */
export interface EngineCommand {
  name: string;
  /** Returns the JSON value to print. Throws InputError for bad input. */
  run(input: { stdin: string; args: string[] }): unknown;
}
