// While the library-wide connections are computed (every item scored against the library: seconds at
// thousands of items), says how far the worker has got, asking it twice a second.
import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';

const POLL_MS = 500;

export function ConnectionsProgress() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await sendRequest('getLibraryConnectionsProgress', {});
      if (stopped) return;
      if (result.ok) setProgress(result.value);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return (
    <div class="muted" role="status">
      <p>Finding connections across your library…</p>
      {progress && progress.total > 0 && (
        <>
          <progress aria-label="Items scored" max={progress.total} value={progress.done} /> {progress.done.toLocaleString('en-US')} of{' '}
          {progress.total.toLocaleString('en-US')} items scored
        </>
      )}
    </div>
  );
}
