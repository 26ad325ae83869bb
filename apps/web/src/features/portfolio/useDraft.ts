import { useCallback, useEffect, useRef, useState } from 'react';
import { type TraceView, useSaveDraft } from './queries';

export interface DraftValues {
  title: string;
  family: string | null;
  body: string;
}

const AUTOSAVE_MS = 2500;
const storageKey = (traceId: string) => `compagnon.portfolio.draft.${traceId}`;

/** A copy of the text kept on the device until the server has it: a closed tab or a lost network loses nothing. */
function readLocal(traceId: string): (DraftValues & { at: number }) | null {
  try {
    const raw = localStorage.getItem(storageKey(traceId));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<DraftValues & { at: number }>;
    if (typeof v.title !== 'string' || typeof v.body !== 'string') return null;
    return { title: v.title, body: v.body, family: v.family ?? null, at: v.at ?? Date.now() };
  } catch {
    return null;
  }
}

function writeLocal(traceId: string, v: DraftValues) {
  try {
    localStorage.setItem(storageKey(traceId), JSON.stringify({ ...v, at: Date.now() }));
  } catch {
    // Storage refused (private browsing, full): the server copy is all there is.
  }
}

export function clearLocalDraft(traceId: string) {
  try {
    localStorage.removeItem(storageKey(traceId));
  } catch {
    // Nothing to clear.
  }
}

const same = (a: DraftValues, b: DraftValues) =>
  a.title === b.title && a.family === b.family && a.body === b.body;

/** The draft as the server holds it; a trace not started yet is titled after its kind. */
export function serverDraft(v: TraceView): DraftValues {
  return {
    title: v.trace.title || v.trace.typeLabel,
    family: v.trace.family,
    body: v.versions.at(-1)?.body ?? '',
  };
}

/** The text to start from: the device's copy when the server never got it, else the server's. */
function startingDraft(v: TraceView) {
  const server = serverDraft(v);
  const local = readLocal(v.trace.id);
  return local && !same(local, server)
    ? { values: local as DraftValues, server, restoredAt: local.at }
    : { values: server, server, restoredAt: null };
}

/** Saves a moment after the last change, when there is something the server may take. */
function useAutosave(wanted: boolean, values: DraftValues, saveNow: () => Promise<boolean>) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: each change of the text restarts the wait
  useEffect(() => {
    if (!wanted) return;
    const timer = setTimeout(() => void saveNow().catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [wanted, values, saveNow]);
}

/** The browser asks before closing the tab while the server does not have the text. */
function useWarnBeforeLeaving(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/**
 * The resident's draft: what they type goes to the device at once and to the server a moment after
 * they stop typing (or when they save). A copy found on the device that the server never got is
 * taken back when the page opens, and said so.
 */
export function useDraft(v: TraceView) {
  const traceId = v.trace.id;
  const [start] = useState(() => startingDraft(v));
  const [values, setValues] = useState<DraftValues>(start.values);
  const [saved, setSaved] = useState<DraftValues>(start.server);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(start.restoredAt);
  const save = useSaveDraft(traceId);
  const current = useRef(values);
  current.current = values;
  // The text a save was refused for: not sent again on its own until it changes.
  const failed = useRef<DraftValues | null>(null);
  const dirty = !same(values, saved);
  const titled = values.title.trim().length > 0;

  const change = useCallback(
    (patch: Partial<DraftValues>) => {
      const next = { ...current.current, ...patch };
      current.current = next;
      setValues(next);
      writeLocal(traceId, next);
    },
    [traceId],
  );

  const { mutateAsync } = save;
  /** Sends the text as it is now; true once the server has it. */
  const saveNow = useCallback(async () => {
    const snapshot = current.current;
    if (!snapshot.title.trim()) return false;
    try {
      await mutateAsync({ title: snapshot.title.trim(), family: snapshot.family, body: snapshot.body });
    } catch (e) {
      failed.current = snapshot;
      throw e;
    }
    failed.current = null;
    setSaved(snapshot);
    setSavedAt(Date.now());
    if (same(current.current, snapshot)) clearLocalDraft(traceId);
    return true;
  }, [mutateAsync, traceId]);

  const refused = failed.current !== null && same(failed.current, values);
  useAutosave(dirty && titled && !save.isPending && !refused, values, saveNow);
  useWarnBeforeLeaving(dirty);

  const discardRestored = useCallback(() => {
    clearLocalDraft(traceId);
    current.current = start.server;
    setValues(start.server);
    setRestoredAt(null);
  }, [traceId, start.server]);

  return {
    values,
    change,
    dirty,
    titled,
    saveNow,
    saving: save.isPending,
    error: save.error,
    savedAt,
    restoredAt,
    discardRestored,
    dismissRestored: () => setRestoredAt(null),
  };
}
export type Draft = ReturnType<typeof useDraft>;
