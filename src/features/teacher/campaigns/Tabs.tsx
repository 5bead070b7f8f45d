/**
 * Tabs as WAI-ARIA describes them: a tablist of buttons, the selected one in the tab order and the others reached
 * with the arrow keys, Home and End; each panel labelled by its tab. The selection lives in the URL (`?onglet=`), so
 * a tab can be linked to and survives a reload.
 */
import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  panel: () => ReactNode;
}

export function Tabs<K extends string>({ label, tabs, selected, onSelect }: { label: string; tabs: readonly TabSpec<K>[]; selected: K; onSelect: (key: K) => void }) {
  const baseId = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number): void => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };
  const current = tabs.find((tab) => tab.key === selected) ?? tabs[0];
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) refs.current.set(tab.key, element);
              else refs.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab.key}`}
            aria-selected={tab.key === current?.key}
            aria-controls={`${baseId}-panel-${tab.key}`}
            tabIndex={tab.key === current?.key ? 0 : -1}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${baseId}-panel-${current.key}`} aria-labelledby={`${baseId}-tab-${current.key}`} tabIndex={0} className="tab-panel">
          {current.panel()}
        </div>
      )}
    </div>
  );
}
