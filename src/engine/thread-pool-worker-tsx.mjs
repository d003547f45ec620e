// Source-mode entry of the scoring worker (tests and `node --import tsx` runs): registers tsx in
// this worker thread, then loads the TypeScript worker. Built code (dist/) uses the .js directly.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./thread-pool-worker.ts');
export default worker.default;
