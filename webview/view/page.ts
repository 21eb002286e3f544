// The whole form: the title, where to save and the save bar, the banners, then the sections in their order.
import { html, type TemplateResult } from 'lit';
import { isDirty } from '../draft';
import { format } from '../../src/shared/format';
import { formatTime } from '../words';
import { creditorSection } from './creditor';
import { delaysSection } from './delays';
import { isText, onLinkClick, radioGroup, shownValue } from './fieldParts';
import { keyAndFolderSection } from './keyAndFolder';
import { letterSection } from './letter';
import type { FormActions, FormModel } from './model';

function statusText(m: FormModel, label: string): string {
  const { t } = m;
  const time = m.lastSavedAt === undefined ? undefined : formatTime(m.lastSavedAt, m.language);
  if (m.saving) return t.saving;
  if (m.draft && isDirty(m.draft)) return time ? `${t.unsaved} · ${format(t.lastSaved, time)}` : t.unsaved;
  if (m.notice) return m.notice;
  if (time) return format(t.savedTo, label, time);
  return m.state && Object.keys(m.state.broken).length ? t.brokenStatus : t.noChanges;
}

function externalText(m: FormModel): string {
  const { t, external, state } = m;
  if (!external || !state) return '';
  const names = external.changed.map((field) =>
    isText(field) ? t.fieldNames[field] : format(t.nowValue, t.fieldNames[field], shownValue(t, field, state.values[field])),
  );
  const conflicts = external.conflicts.map((field) => t.fieldNames[field]);
  return `${format(t.externalChange, names.join(', '))} ${conflicts.length ? format(t.alsoEdited, conflicts.join(', ')) : t.followed}`;
}

/** Which settings file to save to, Save and Revert, and what was last saved. */
function saveBar(m: FormModel, a: FormActions) {
  const { t, state, draft } = m;
  const dirty = draft !== undefined && isDirty(draft);
  const target = draft?.target ?? state?.target;
  const targets = state?.targets ?? [];
  const status = statusText(m, targets.find((candidate) => candidate.id === target)?.label ?? '');
  return html`<div class="row save-options">
      ${radioGroup(
        'target',
        t.saveTo,
        targets.map((option) => [option.id, option.label] as const),
        target ?? '',
        a.selectTarget,
      )}
      <vscode-button id="reset" secondary @click=${a.reset}>${t.resetDefaults}</vscode-button>
    </div>
    <div class="save-bar" role="group" aria-label=${t.save}>
      <vscode-button id="save" @click=${a.save}>${t.save}</vscode-button>
      <vscode-button id="revert" secondary ?disabled=${!dirty} @click=${a.revert}>${t.revert}</vscode-button>
      <span id="dirty" class="status" role="status" data-dirty=${String(dirty)} title=${status}>${status}</span>
    </div>`;
}

/** Edits brought back from an earlier session, a change in settings.json meanwhile, and what went wrong. */
function banners(m: FormModel, a: FormActions) {
  const { t } = m;
  return html`<div id="restored" class="banner" role="status" ?hidden=${!m.restored}>
      <span>${t.restored}</span>
      <vscode-button id="discard" secondary @click=${a.revert}>${t.discard}</vscode-button>
    </div>
    <div id="banner" class="banner" role="alert" ?hidden=${!m.external}>
      <span id="banner-text">${externalText(m)}</span>
      <vscode-button id="load-theirs" @click=${a.revert}>${t.loadTheirs}</vscode-button>
      <vscode-button id="keep-mine" secondary @click=${a.keepMine}>${t.keepMine}</vscode-button>
    </div>
    <div id="error" class="banner error" role="alert" ?hidden=${!m.error}>${m.error ? `${t.error}: ${m.error}` : ''}</div>`;
}

export function formView(m: FormModel, a: FormActions): TemplateResult {
  const { t } = m;
  return html`
    <h1>${t.title}</h1>
    <p class="hint">
      ${t.firstTime}
      <a href="#" id="open-walkthrough" @click=${onLinkClick(a.openWalkthrough)}>${t.openWalkthrough}</a>
    </p>
    ${saveBar(m, a)} ${banners(m, a)} ${keyAndFolderSection(m, a)} ${delaysSection(m, a)} ${creditorSection(m, a)}
    ${letterSection(m, a)}
  `;
}
