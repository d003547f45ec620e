// Preloaded into the benchmarked `rewardkit score` process: reports its CPU time and peak RSS on
// stderr when it exits (CPU time is what a pair costs; wall time on a shared machine is noise).
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nbench-usage ${usage.userCPUTime} ${usage.systemCPUTime} ${usage.maxRSS}\n`);
});
