import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export function Stat({ label, value, hint, testid }: { label: string; value: ComponentChildren; hint?: ComponentChildren; testid?: string }) {
  return (
    <div class="stat">
      <div class="stat-label">{label}</div>
      <div class="stat-value" data-testid={testid}>{value}</div>
      {hint !== undefined && <div class="stat-hint">{hint}</div>}
    </div>
  );
}

export function Card({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="card">
      <header class="card-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function Problem({ error }: { error: string | null }) {
  return error ? <div class="problem" role="alert">{error}</div> : null;
}

export function Loading() {
  return <div class="muted">Loading…</div>;
}

export function Badge({ tone, children }: { tone: 'ok' | 'bad' | 'info' | 'muted'; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => number | string | boolean | null;
  render?: (row: T) => ComponentChildren;
  numeric?: boolean;
}

/** A table whose columns sort on click (again to reverse). */
export function SortableTable<T>({ rows, columns, initial, testid, rowKey }: {
  rows: T[]; columns: Column<T>[]; initial: string; testid?: string; rowKey: (row: T) => string | number;
}) {
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: initial, desc: false });
  const column = columns.find((c) => c.key === sort.key) ?? columns[0];
  const sorted = [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const c = x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return sort.desc ? -c : c;
  });
  return (
    <div class="table-wrap">
      <table data-testid={testid}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                class={c.numeric ? 'num sortable' : 'sortable'}
                aria-sort={c.key === sort.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : false }))}
              >
                {c.label}
                {c.key === sort.key ? (sort.desc ? ' ▾' : ' ▴') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} class={c.numeric ? 'num' : undefined}>{c.render ? c.render(row) : String(c.value(row) ?? '—')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
