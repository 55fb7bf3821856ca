import { useState, useEffect, useCallback } from './html.js';
import { onMetadataChange } from './api.js';

/**
 * Runs `load` when `deps` change and after every change made through the console (never on a
 * timer); returns {data, error, reload}.
 */
export function useLoad(load, deps = []) {
  const [state, setState] = useState({ data: undefined, error: null });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => onMetadataChange(reload), [reload]);
  useEffect(() => {
    let live = true;
    load().then((data) => live && setState({ data, error: null }), (error) => live && setState({ data: undefined, error }));
    return () => { live = false; };
  }, [...deps, round]);
  return { ...state, reload };
}
