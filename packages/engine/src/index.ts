export { InputError } from './errors.ts';
export { runEngineCli } from './cli/main.ts';
