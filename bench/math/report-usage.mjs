// Preloaded into the benchmarked `rewardkit score` process: reports on stderr, when it exits, its
// CPU time (user + system, every thread), its peak RSS, and the CPU time spent since it opened its
// input file (BENCH_INPUT): start-up (modules, spec, scorers, the math warm-up) ends there, so the
// per-pair figures need no subtraction of a separate start-up run and its noise.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const input = process.env.BENCH_INPUT;
let inputOpened;
const createReadStream = fs.createReadStream;
fs.createReadStream = function benchCreateReadStream(path, ...rest) {
  if (inputOpened === undefined && input !== undefined && path === input) inputOpened = process.cpuUsage();
  return createReadStream.call(this, path, ...rest);
};
// `score` reads its input through openSync (src/io/file-chunks.ts).
const openSync = fs.openSync;
fs.openSync = function benchOpenSync(path, ...rest) {
  if (inputOpened === undefined && input !== undefined && path === input) inputOpened = process.cpuUsage();
  return openSync.call(this, path, ...rest);
};
syncBuiltinESMExports();

process.on('exit', () => {
  const usage = process.resourceUsage();
  const since = inputOpened === undefined ? undefined : process.cpuUsage(inputOpened);
  process.stderr.write(
    `\nbench-usage ${usage.userCPUTime} ${usage.systemCPUTime} ${usage.maxRSS} ${since === undefined ? -1 : since.user + since.system}\n`,
  );
});
