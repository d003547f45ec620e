/**
 * The one, loudly-named way to run untrusted code without the sandbox. It only takes effect when
 * the sandbox is unavailable on the machine, and then runs with rlimits only, warning loudly.
 */
export const UNSANDBOXED_FLAG = '--i-know-this-runs-untrusted-code-unsandboxed';
