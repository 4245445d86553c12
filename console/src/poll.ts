/**
 * Calls `tick` now and then every `ms` after each one finishes (never two at once), until stopped.
 * Polling, not server-sent events: it works the same against several control-plane instances and
 * through the embedded cloud, and each read also advances the control plane's time-based operations.
 */
export function poll(tick: () => Promise<void>, ms: number): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    if (stopped) return;
    try {
      await tick();
    } catch {
      // The page shows its own error; keep polling so it recovers when the server is back.
    }
    if (!stopped) timer = setTimeout(run, document.hidden ? ms * 5 : ms);
  };
  void run();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
