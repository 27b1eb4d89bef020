/**
 * Main-thread tasks from a Chrome trace (puppeteer `page.tracing`): the tasks of the thread
 * that set the load marks, which of them overlap the load, and what ran inside a task
 * (trace events by self time, sampled JavaScript functions by line).
 */
/**
 * The page's marks around a load (a trace finds the load by them): start, end, and "settled",
 * a while after the end, so that work the load leaves behind (a GC, the browser finishing
 * the response) counts too.
 */
export const LOAD_MARKS = ['kb-load-start', 'kb-load-end', 'kb-load-settled'] as const;
/** The page's marks around the first search after a load. */
export const SEARCH_MARKS = ['kb-search-start', 'kb-search-end'] as const;
/** How long after the end of a load its tasks still count. */
export const SETTLE_MS = 200;

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

/** Enough for tasks and the marks. */
export const TASK_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
/** Tasks with what runs inside them: V8 and GC events, Blink's, and a sampled JavaScript profile. */
export const PROFILE_CATEGORIES = [
  ...TASK_CATEGORIES,
  'toplevel',
  'loading',
  'blink',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-devtools.timeline.stack',
];

export function parseTrace(buffer: Uint8Array): TraceEvent[] {
  const json = JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(json) ? json : (json.traceEvents ?? []);
}

export interface Task {
  /** Milliseconds from the start mark. */
  at: number;
  ms: number;
  start: number;
  end: number;
}

function userMark(events: TraceEvent[], name: string): TraceEvent | undefined {
  return events.find((e) => e.cat?.includes('blink.user_timing') && e.name === name);
}

/** The tasks of the marks' thread that overlap [first, last] (`at` from `first`). */
function tasksBetween(events: TraceEvent[], first: TraceEvent, last: TraceEvent): Task[] {
  return events
    .filter(
      (e) =>
        e.pid === first.pid &&
        e.tid === first.tid &&
        e.name === 'RunTask' &&
        e.ph === 'X' &&
        e.ts < last.ts &&
        e.ts + (e.dur ?? 0) > first.ts,
    )
    .map((e) => ({ at: (e.ts - first.ts) / 1000, ms: (e.dur ?? 0) / 1000, start: e.ts, end: e.ts + (e.dur ?? 0) }));
}

/** The load's window (to the settled mark, if any) and its thread's tasks that overlap it (all in trace microseconds, `at`/`ms` in ms). */
export function loadTasks(events: TraceEvent[]): { start: number; loaded: number; end: number; pid: number; tid: number; tasks: Task[] } {
  const first = userMark(events, LOAD_MARKS[0]);
  const last = userMark(events, LOAD_MARKS[2]) ?? userMark(events, LOAD_MARKS[1]);
  if (!first || !last) throw new Error('the trace has no load marks');
  return {
    start: first.ts,
    loaded: (userMark(events, LOAD_MARKS[1]) ?? last).ts,
    end: last.ts,
    pid: first.pid,
    tid: first.tid,
    tasks: tasksBetween(events, first, last),
  };
}

/** The tasks of the first search(es) after the load, between the `SEARCH_MARKS` (`at` from the first mark). */
export function searchTasks(events: TraceEvent[]): Task[] {
  const first = userMark(events, SEARCH_MARKS[0]);
  const last = userMark(events, SEARCH_MARKS[1]);
  return first && last ? tasksBetween(events, first, last) : [];
}

/** The longest main-thread task that overlaps the load, in ms. */
export function longestTask(events: TraceEvent[]): number {
  return Math.max(0, ...loadTasks(events).tasks.map((t) => t.ms));
}

/** Complete events of one thread (B/E pairs joined), by start. */
function threadEvents(events: TraceEvent[], pid: number, tid: number): (TraceEvent & { dur: number })[] {
  const out: (TraceEvent & { dur: number })[] = [];
  const open: TraceEvent[] = [];
  for (const e of events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') out.push({ ...e, dur: e.dur ?? 0 });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) out.push({ ...b, dur: e.ts - b.ts });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

interface Sample {
  ts: number;
  frame: string;
}

/** The sampled profile's samples: when, and the function (name, script, line) on top of the stack. */
function samples(events: TraceEvent[]): Sample[] {
  const out: Sample[] = [];
  const nodes = new Map<number, { callFrame: { functionName: string; url: string; lineNumber?: number } }>();
  let ts = 0;
  for (const e of events.filter((e) => e.name === 'Profile' || e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts)) {
    const data = e.args?.data as {
      startTime?: number;
      cpuProfile?: { nodes?: { id: number; callFrame: { functionName: string; url: string } }[]; samples?: number[] };
      timeDeltas?: number[];
      lines?: number[];
    };
    if (e.name === 'Profile') {
      ts = data.startTime ?? e.ts;
      continue;
    }
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples ?? [];
    for (let i = 0; i < ids.length; i++) {
      ts += data.timeDeltas?.[i] ?? 0;
      const frame = nodes.get(ids[i]!)?.callFrame;
      const where = frame?.url ? ` ${frame.url.split('/').pop()}:${data.lines?.[i] ?? ''}` : '';
      out.push({ ts, frame: `${frame?.functionName || '(anonymous)'}${where}` });
    }
  }
  return out;
}

/** What ran inside a task: trace events by self time, and sampled functions (share of the task's samples). */
export function attribute(
  events: TraceEvent[],
  pid: number,
  tid: number,
  task: Task,
): { events: [string, number][]; functions: [string, number][] } {
  const inside = threadEvents(events, pid, tid).filter((e) => e.ts >= task.start && e.ts + e.dur <= task.end && e.name !== 'RunTask');
  const self = new Map<string, number>();
  const stack: (TraceEvent & { dur: number; child: number })[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur <= upTo) {
      const e = stack.pop()!;
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur - e.child);
    }
  };
  for (const e of inside) {
    close(e.ts);
    if (stack.length) stack[stack.length - 1]!.child += e.dur;
    stack.push({ ...e, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const taken = samples(events).filter((s) => s.ts >= task.start && s.ts <= task.end);
  const counts = new Map<string, number>();
  for (const s of taken) counts.set(s.frame, (counts.get(s.frame) ?? 0) + 1);
  return {
    events: [...self.entries()].map(([name, us]) => [name, us / 1000] as [string, number]).sort((a, b) => b[1] - a[1]),
    functions: [...counts.entries()]
      .map(([frame, n]) => [frame, (n / taken.length) * task.ms] as [string, number])
      .sort((a, b) => b[1] - a[1]),
  };
}
