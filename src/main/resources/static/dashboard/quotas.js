import {
  api, currentYear, describe, element, fillYears, formatNumber, showError, showSignIn, UnitTree, YOUTH_KINDS,
} from './api.js';

const $ = (id) => document.getElementById(id);
let tree;
let rows = [];
let administrator = false;
let shownYear;

start().catch(fail);

async function start() {
  const [me, units] = await Promise.all([api.get('/api/me'), api.get('/api/units')]);
  administrator = me.administrator;
  $('user').replaceChildren(element('strong', {}, me.name),
    element('span', {}, administrator ? 'Quản trị hệ thống' : me.roles.map((r) => r.roleTitle).join('; ')));
  tree = new UnitTree(units);
  const params = new URLSearchParams(window.location.search);
  const thisYear = currentYear();
  const year = Number(params.get('year')) || thisYear;
  fillYears($('year'), year, Math.min(thisYear - 3, year), Math.max(thisYear + 2, year));
  $('controls').hidden = false;
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  $('year').addEventListener('change', () => {
    if (rows.some((r) => r.dirty) && !window.confirm('Các thay đổi chưa lưu sẽ bị bỏ. Tiếp tục?')) {
      $('year').value = shownYear;
      return;
    }
    load();
  });
  $('save').addEventListener('click', saveAll);
  window.addEventListener('beforeunload', (e) => {
    if (rows.some((r) => r.dirty)) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  await load();
}

function fail(error) {
  if (error.status === 401) {
    showSignIn($('content'));
  } else {
    showError($('content'), error);
  }
}

async function load() {
  const year = Number($('year').value);
  window.history.replaceState(null, '', `?year=${year}`);
  $('status').hidden = false;
  $('status').classList.remove('status-error');
  $('status').textContent = 'Đang tải chỉ tiêu…';
  let quotas;
  try {
    quotas = await api.get(`/api/quotas/${year}`);
  } catch (error) {
    if (error.status === 401) {
      fail(error);
      return;
    }
    $('status').classList.add('status-error');
    $('status').textContent = describe(error);
    return;
  }
  const quotaOf = new Map(quotas.map((q) => [q.unitCode, q.introduced]));
  const units = tree.roots(YOUTH_KINDS).flatMap((u) => tree.walk(u.code))
    .filter(({ unit }) => administrator || quotaOf.has(unit.code));
  rows = units.map(({ unit, depth }) => ({ unit, depth, saved: quotaOf.has(unit.code) ? quotaOf.get(unit.code) : null }));
  shownYear = year;
  $('hint').hidden = !administrator;
  $('actions').hidden = !administrator;
  if (administrator) {
    $('status').hidden = true;
  } else {
    $('status').textContent = 'Chỉ quản trị hệ thống mới được đặt chỉ tiêu. Dưới đây là chỉ tiêu đã đặt cho các đơn vị '
      + `của bạn năm ${year}${rows.length ? '' : ': chưa có'}.`;
  }
  render();
}

function render() {
  const body = document.querySelector('.quota-table tbody');
  body.replaceChildren(...rows.map((row) => {
    row.input = element('input', {
      type: 'number', min: 0, step: 1, inputmode: 'numeric', value: row.saved === null ? '' : row.saved,
      'aria-label': `Chỉ tiêu của ${row.unit.name}`, disabled: !administrator, placeholder: 'chưa đặt',
    });
    row.status = element('span', { class: 'row-status' }, row.saved === null ? 'Chưa đặt' : '');
    row.childSum = element('td', { class: 'num' });
    row.tr = element('tr', {},
      element('td', { class: `unit depth-${Math.min(row.depth, 3)}` }, row.unit.name,
        element('span', { class: 'code' }, ` ${row.unit.code}`)),
      element('td', {}, row.unit.kindTitle),
      element('td', { class: 'num' }, row.input),
      row.childSum,
      element('td', {}, row.status));
    row.input.addEventListener('input', () => changed(row));
    row.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        save(row).then(updateSaveButton);
      }
    });
    return row.tr;
  }));
  $('quotas').hidden = false;
  sums();
  updateSaveButton();
}

/** A valid quota is a whole number from 0; an empty cell is no quota (only allowed where none was set). */
function read(row) {
  const text = row.input.value.trim();
  if (text === '') {
    return { empty: true };
  }
  if (!/^\d{1,9}$/.test(text)) {
    return { error: 'Chỉ tiêu phải là số nguyên từ 0 trở lên.' };
  }
  return { value: Number(text) };
}

function changed(row) {
  const input = read(row);
  row.dirty = input.value !== undefined ? input.value !== row.saved : (input.error !== undefined || row.saved !== null);
  row.tr.classList.toggle('dirty', row.dirty);
  row.input.classList.toggle('invalid', input.error !== undefined || (input.empty && row.saved !== null));
  if (input.error) {
    setStatus(row, input.error, 'error');
  } else if (input.empty) {
    setStatus(row, row.saved === null ? 'Chưa đặt' : 'Không thể xóa chỉ tiêu đã đặt; hãy nhập 0 nếu đơn vị không có '
      + 'chỉ tiêu.', row.saved === null ? '' : 'error');
  } else {
    setStatus(row, row.dirty ? 'Chưa lưu' : '');
  }
  sums();
  updateSaveButton();
}

function setStatus(row, text, kind) {
  row.status.textContent = text;
  row.status.className = `row-status ${kind || ''}`;
}

/** Under each unit with units below it: what its sub-units' quotas add up to, beside its own. */
function sums() {
  rows.forEach((row) => {
    const below = (tree.below.get(row.unit.code) || []).map((u) => rows.find((r) => r.unit.code === u.code))
      .filter(Boolean);
    if (!below.length) {
      row.childSum.textContent = '';
      return;
    }
    const values = below.map((r) => read(r).value).filter((v) => v !== undefined);
    row.childSum.textContent = values.length ? formatNumber(values.reduce((a, b) => a + b, 0)) : '—';
  });
}

function updateSaveButton() {
  const pending = rows.filter((r) => r.dirty).length;
  $('save').disabled = !administrator || pending === 0;
  $('save-status').textContent = pending ? `${pending} đơn vị có thay đổi chưa lưu.` : '';
}

async function save(row) {
  const input = read(row);
  if (input.value === undefined) {
    changed(row);
    return false;
  }
  setStatus(row, 'Đang lưu…');
  try {
    const saved = await api.put(`/api/quotas/${shownYear}/${encodeURIComponent(row.unit.code)}`,
      { introduced: input.value });
    row.saved = saved.introduced;
    row.dirty = false;
    row.tr.classList.remove('dirty');
    row.input.classList.remove('invalid');
    setStatus(row, 'Đã lưu', 'ok');
    return true;
  } catch (error) {
    if (error.status === 401) {
      fail(error);
      return false;
    }
    setStatus(row, describe(error), 'error');
    row.input.classList.add('invalid');
    return false;
  }
}

async function saveAll() {
  $('save').disabled = true;
  let saved = 0;
  let failed = 0;
  for (const row of rows.filter((r) => r.dirty)) {
    // One after the other: each answer is shown on its row.
    // eslint-disable-next-line no-await-in-loop
    if (await save(row)) {
      saved += 1;
    } else {
      failed += 1;
    }
  }
  updateSaveButton();
  $('save-status').textContent = failed
    ? `Đã lưu ${saved} đơn vị; ${failed} đơn vị chưa lưu được, xem lý do ở từng dòng.`
    : `Đã lưu chỉ tiêu của ${saved} đơn vị.`;
}
