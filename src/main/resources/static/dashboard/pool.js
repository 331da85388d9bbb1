import {
  api, currentYear, element, fillUnits, fillYears, formatNumber, offeredUnits, showError, showSignIn, UnitTree,
} from './api.js';

const $ = (id) => document.getElementById(id);
const RATINGS = {
  EXCELLENT: 'Hoàn thành xuất sắc nhiệm vụ',
  GOOD: 'Hoàn thành tốt nhiệm vụ',
  COMPLETED: 'Hoàn thành nhiệm vụ',
  NOT_COMPLETED: 'Không hoàn thành nhiệm vụ',
};

start().catch(fail);

async function start() {
  const [me, units] = await Promise.all([api.get('/api/me'), api.get('/api/units')]);
  $('user').replaceChildren(element('strong', {}, me.name),
    element('span', {}, me.administrator ? 'Quản trị hệ thống' : me.roles.map((r) => r.roleTitle).join('; ')));
  const offered = offeredUnits(me, new UnitTree(units));
  if (!offered.length) {
    $('status').textContent = 'Tài khoản của bạn chưa thuộc đơn vị nào. Hãy đề nghị quản trị hệ thống thêm bạn vào '
      + 'nhóm của đơn vị.';
    return;
  }
  const params = new URLSearchParams(window.location.search);
  const thisYear = currentYear();
  fillYears($('year'), Number(params.get('year')) || thisYear, thisYear, thisYear + 1);
  fillUnits($('unit'), offered, params.get('unit'));
  $('controls').hidden = false;
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  $('year').addEventListener('change', () => load().catch(fail));
  $('unit').addEventListener('change', () => load().catch(fail));
  await load();
}

function fail(error) {
  if (error.status === 401) {
    showSignIn($('content'));
  } else {
    showError($('content'), error);
  }
}

const date = (iso) => (iso ? iso.split('-').reverse().join('/') : '');

async function load() {
  const year = $('year').value;
  const unit = $('unit').value;
  window.history.replaceState(null, '', `?unit=${encodeURIComponent(unit)}&year=${year}`);
  $('status').hidden = false;
  $('status').textContent = 'Đang tính nguồn phát triển đảng viên…';
  const pool = await api.get(`/api/pool?unit=${encodeURIComponent(unit)}&year=${year}`);
  $('kpi-now').textContent = formatNumber(pool.eligibleNow);
  $('kpi-year').textContent = formatNumber(pool.eligibleWithinYear);
  $('kpi-aging').textContent = formatNumber(pool.agingOut);
  $('pool').querySelector('tbody').replaceChildren(...pool.candidates.map((c) => element('tr', {},
    element('td', {}, c.branchCode),
    element('td', {}, element('strong', {}, c.fullName), ` (${c.memberCode})`),
    element('td', {}, date(c.birthDate)),
    element('td', {}, RATINGS[c.previousYearRating] || '—'),
    element('td', {}, c.when === 'NOW' ? 'Đủ điều kiện' : `Đủ từ ${date(c.eligibleFrom)}`,
      c.agingOut ? element('strong', { class: 'row-status' }, ` — sắp quá tuổi đoàn: đề cử trước ${date(c.eligibleUntil)}`)
        : null),
    element('td', {}, c.mentorName || '—'))));
  $('status').textContent = `Năm ${pool.year}, tính đến ${date(pool.asOf)}: ${formatNumber(pool.members)} đoàn viên `
    + `của ${pool.unitName} được xét.`;
  $('pool').hidden = false;
}
