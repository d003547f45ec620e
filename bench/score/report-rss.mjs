// Preloaded into the benchmarked CLI process: reports its peak RSS on stderr when it exits.
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
