// The page's tabs: a tab list (arrow keys, Home and End move between tabs, as the WAI-ARIA tabs pattern
// has it) over one panel per tab, the panel of the chosen tab shown.
import type { Text } from '../i18n.js';
import { el } from './dom.js';
import { word } from './ui-text.js';

/** One tab: its id (`check`, `form`, `compare`), its name, and its panel, built again when the language changes. */
export interface Tab {
  id: string;
  label: Text;
  /** The tab's panel in the page's language now; the tab keeps what the clerk did (files, values) between calls. */
  panel: () => HTMLElement;
}

/** The tab list and the panels of `tabs`, `chosen` shown; `onChoose` hears which tab is chosen. */
export function tabbed(
  tabs: readonly Tab[],
  chosen: string,
  label: string,
  onChoose: (id: string) => void,
): HTMLElement[] {
  const buttons = tabs.map((tab) =>
    el(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-controls': `panel-${tab.id}`,
        'aria-selected': String(tab.id === chosen),
        tabindex: tab.id === chosen ? 0 : -1,
      },
      [word(tab.label)],
    ),
  );
  const panels = tabs.map((tab) => {
    const panel = tab.panel();
    panel.id = `panel-${tab.id}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `tab-${tab.id}`);
    panel.hidden = tab.id !== chosen;
    return panel;
  });
  const choose = (i: number, focus: boolean) => {
    buttons.forEach((b, j) => {
      b.setAttribute('aria-selected', String(i === j));
      b.tabIndex = i === j ? 0 : -1;
      panels[j]!.hidden = i !== j;
    });
    if (focus) buttons[i]!.focus();
    onChoose(tabs[i]!.id);
  };
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => choose(i, false));
    button.addEventListener('keydown', (event) => {
      const to =
        event.key === 'ArrowRight'
          ? (i + 1) % tabs.length
          : event.key === 'ArrowLeft'
            ? (i - 1 + tabs.length) % tabs.length
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? tabs.length - 1
                : -1;
      if (to < 0) return;
      event.preventDefault();
      choose(to, true);
    });
  });
  return [el('div', { role: 'tablist', 'aria-label': label }, buttons), ...panels];
}
