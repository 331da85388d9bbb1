import {
  api, currentYear, describe, element, fillUnits, fillYears, formatNumber, formatPercent, offeredUnits, showError,
  showSignIn, UnitTree,
} from './api.js';

const COLORS = { quota: '#9aa5b1', nominated: '#5c6bc0', introduced: '#1e88e5', admitted: '#c62828' };
const $ = (id) => document.getElementById(id);
const charts = {};
let tree;
let stages = [];

start().catch(fail);

async function start() {
  const [me, units, stageList] = await Promise.all([api.get('/api/me'), api.get('/api/units'),
    api.get('/api/reports/stages')]);
  tree = new UnitTree(units);
  stages = stageList;
  showUser(me);

  const offered = offeredUnits(me, tree);
  if (!offered.length) {
    $('status').textContent = 'Tài khoản của bạn chưa thuộc đơn vị nào nên chưa có số liệu để xem. '
      + 'Hãy đề nghị quản trị hệ thống thêm bạn vào nhóm của đơn vị.';
    return;
  }
  const params = new URLSearchParams(window.location.search);
  const thisYear = currentYear();
  const year = Number(params.get('year')) || thisYear;
  fillYears($('year'), year, Math.min(thisYear - 6, year), Math.max(thisYear + 1, year));
  fillUnits($('unit'), offered, params.get('unit'));
  $('controls').hidden = false;
  $('year').addEventListener('change', load);
  $('unit').addEventListener('change', load);
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  await load();
}

function fail(error) {
  if (error.status === 401) {
    showSignIn($('content'));
  } else {
    showError($('content'), error);
  }
}

function showUser(me) {
  const roles = me.roles.map((r) => `${r.roleTitle} — ${r.unitName}`);
  if (me.administrator) {
    roles.unshift('Quản trị hệ thống');
    $('quota-link').hidden = false;
  }
  $('user').replaceChildren(element('strong', {}, me.name), element('span', {}, roles.join('; ')));
}

/** Selects a unit, adding it to the list when it is not there (a sub-unit picked in the table). */
function select(code) {
  const unitSelect = $('unit');
  if (![...unitSelect.options].some((o) => o.value === code)) {
    const unit = tree.byCode.get(code);
    unitSelect.append(element('option', { value: code }, unit ? `${unit.name} (${code})` : code));
  }
  unitSelect.value = code;
  load();
}

async function load() {
  const year = Number($('year').value);
  const unit = $('unit').value;
  const query = `year=${encodeURIComponent(year)}&unit=${encodeURIComponent(unit)}`;
  window.history.replaceState(null, '', `?${query}`);
  $('download').href = `/api/reports/annual.xlsx?${query}`;
  $('status').hidden = false;
  $('status').textContent = 'Đang tải số liệu…';
  let report;
  let stalls;
  try {
    [report, stalls] = await Promise.all([api.get(`/api/reports/annual?${query}`),
      api.get(`/api/reports/stalls?${query}`)]);
  } catch (error) {
    if (error.status === 401) {
      fail(error);
      return;
    }
    $('report').hidden = true;
    $('status').textContent = describe(error);
    $('status').classList.add('status-error');
    return;
  }
  $('status').classList.remove('status-error');
  $('status').hidden = true;
  $('report').hidden = false;
  render(report);
  stallTable(stalls);
}

function render(report) {
  const inProgress = total(report.inProgressByStage);
  $('kpi-quota').textContent = report.quota === null ? 'Chưa đặt' : formatNumber(report.quota);
  $('kpi-nominated').textContent = formatNumber(report.nominated);
  $('kpi-introduced').textContent = formatNumber(report.introduced);
  $('kpi-introduced-ratio').textContent = ratioText(report.introducedToQuota);
  $('kpi-admitted').textContent = formatNumber(report.admitted);
  $('kpi-admitted-ratio').textContent = ratioText(report.admittedToQuota);
  $('kpi-in-progress').textContent = formatNumber(inProgress);
  $('kpi-overdue').textContent = formatNumber(report.overdue);
  $('card-overdue').classList.toggle('card-alert', report.overdue > 0);
  document.title = `Báo cáo năm ${report.year} — ${report.unitName}`;

  funnel(report);
  stageChart(report);
  subUnits(report);
}

const total = (byStage) => Object.values(byStage || {}).reduce((sum, n) => sum + n, 0);
const ratioText = (ratio) => (ratio === null ? 'chưa có chỉ tiêu' : `${formatPercent(ratio)} chỉ tiêu`);

function chart(id) {
  if (!window.echarts) {
    $(id).textContent = 'Không tải được thư viện biểu đồ.';
    return null;
  }
  if (!charts[id]) {
    charts[id] = window.echarts.init($(id), null, { renderer: 'svg' });
  }
  return charts[id];
}

// ECharts measures its labels with this font, so it is named rather than inherited.
const baseText = { fontFamily: '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', color: '#1f2933' };

/** A round axis maximum above `value` (12, 15, 20, 25, 30, 40…), so the quota line and the bars fit below it. */
function roundUp(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  return Math.ceil([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * power).find((v) => v >= value));
}

function funnel(report) {
  $('funnel-note').textContent = report.quota === null
    ? `${report.unitName} chưa có chỉ tiêu giới thiệu năm ${report.year}.`
    : `${report.unitName}, năm ${report.year}: chỉ tiêu giới thiệu ${formatNumber(report.quota)} đoàn viên ưu tú.`;
  const c = chart('funnel-chart');
  if (!c) {
    return;
  }
  const steps = [
    { name: 'Được đề cử', value: report.nominated, color: COLORS.nominated },
    { name: 'Đã giới thiệu', value: report.introduced, color: COLORS.introduced, ratio: report.introducedToQuota },
    { name: 'Đã kết nạp', value: report.admitted, color: COLORS.admitted, ratio: report.admittedToQuota },
  ];
  const top = Math.max(report.quota || 0, ...steps.map((s) => s.value), 1);
  c.setOption({
    textStyle: baseText,
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: steps.map((s) => s.name), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, max: roundUp(top * 1.1) },
    series: [{
      type: 'bar',
      barWidth: '50%',
      data: steps.map((s) => ({ value: s.value, itemStyle: { color: s.color, borderRadius: [4, 4, 0, 0] } })),
      label: {
        show: true,
        position: 'top',
        fontWeight: 'bold',
        formatter: (p) => {
          const ratio = steps[p.dataIndex].ratio;
          return ratio === undefined || ratio === null ? formatNumber(p.value)
            : `${formatNumber(p.value)} (${formatPercent(ratio)})`;
        },
      },
      markLine: report.quota === null ? undefined : {
        symbol: 'none',
        silent: true,
        lineStyle: { color: COLORS.quota, type: 'dashed', width: 2 },
        label: { formatter: `Chỉ tiêu: ${formatNumber(report.quota)}`, position: 'insideEndTop', color: '#52606d' },
        data: [{ yAxis: report.quota }],
      },
    }],
  }, true);
}

function orderedStages(byStage) {
  const known = stages.map((s) => ({ key: s.key, name: s.name, count: byStage[s.key] || 0 }));
  const extra = Object.keys(byStage).filter((key) => !stages.some((s) => s.key === key))
    .map((key) => ({ key, name: key, count: byStage[key] }));
  return [...known, ...extra];
}

function stageChart(report) {
  const rows = orderedStages(report.inProgressByStage || {});
  $('stage-table').tBodies[0].replaceChildren(...rows.map((row) => element('tr', { class: row.count ? '' : 'muted' },
    element('td', {}, row.name), element('td', {}, element('code', {}, row.key)),
    element('td', { class: 'num' }, formatNumber(row.count)))));
  const c = chart('stage-chart');
  if (!c) {
    return;
  }
  const reversed = [...rows].reverse();
  c.setOption({
    textStyle: baseText,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: reversed.map((r) => r.name),
      axisTick: { show: false },
      axisLabel: { width: 230, overflow: 'truncate' },
    },
    series: [{
      type: 'bar',
      data: reversed.map((r) => r.count),
      itemStyle: { color: COLORS.introduced, borderRadius: [0, 4, 4, 0] },
      label: { show: true, position: 'right', formatter: (p) => (p.value ? formatNumber(p.value) : '') },
    }],
  }, true);
}

function subUnits(report) {
  const subs = report.subUnits || [];
  $('sub-note').textContent = subs.length
    ? 'Bấm vào tên một đơn vị để xem số liệu của đơn vị đó.'
    : `${report.unitName} không có đơn vị trực thuộc.`;
  const row = (r, isTotal) => element('tr', { class: isTotal ? 'total' : '' },
    element(isTotal ? 'th' : 'td', isTotal ? { scope: 'row' } : {}, isTotal ? `Tổng cộng (${report.unitName})`
      : element('a', { href: `?year=${report.year}&unit=${encodeURIComponent(r.unitCode)}`, 'data-unit': r.unitCode },
        r.unitName), isTotal ? null : element('span', { class: 'code' }, ` ${r.unitCode}`)),
    element('td', { class: 'num' }, formatNumber(r.quota)),
    element('td', { class: 'num' }, formatNumber(r.nominated)),
    element('td', { class: 'num' }, formatNumber(r.introduced)),
    element('td', { class: 'num' }, formatPercent(r.introducedToQuota)),
    element('td', { class: 'num' }, formatNumber(r.admitted)),
    element('td', { class: 'num' }, formatPercent(r.admittedToQuota)),
    element('td', { class: 'num' }, formatNumber(total(r.inProgressByStage))),
    element('td', { class: r.overdue > 0 ? 'num alert' : 'num' }, formatNumber(r.overdue)));
  const table = $('sub-table');
  table.tBodies[0].replaceChildren(...subs.map((r) => row(r, false)));
  table.tFoot.replaceChildren(row(report, true));
  table.tBodies[0].querySelectorAll('a[data-unit]').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    select(a.dataset.unit);
  }));

  $('sub-chart').hidden = !subs.length;
  const c = subs.length ? chart('sub-chart') : null;
  if (!c) {
    return;
  }
  const series = (name, color, values) => ({
    name, type: 'bar', data: values, itemStyle: { color }, barMaxWidth: 28,
    label: { show: subs.length <= 6, position: 'top', fontSize: 11, formatter: (p) => formatNumber(p.value) },
  });
  c.setOption({
    textStyle: baseText,
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: subs.map((r) => r.unitName),
      axisTick: { show: false },
      axisLabel: { interval: 0, width: Math.max(90, 900 / subs.length), overflow: 'break', lineHeight: 15 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      series('Chỉ tiêu', COLORS.quota, subs.map((r) => r.quota)),
      series('Được đề cử', COLORS.nominated, subs.map((r) => r.nominated)),
      series('Đã giới thiệu', COLORS.introduced, subs.map((r) => r.introduced)),
      series('Đã kết nạp', COLORS.admitted, subs.map((r) => r.admitted)),
    ],
  }, true);
  c.resize();
}

const days = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const formatDays = (value) => (value === null || value === undefined ? '—' : days.format(value));

/** Per stage: how long its completed visits took in the year, and who waits there now longer than usual. */
function stallTable(stalls) {
  const most = stalls.mostWaiting;
  $('stall-note').textContent = !most
    ? `${stalls.unitName} không có hồ sơ đang chờ.`
    : most.olderThanUsual
      ? `Bước giữ nhiều hồ sơ chờ lâu nhất: ${most.name} — ${formatNumber(most.olderThanUsual)} trong `
        + `${formatNumber(most.open)} hồ sơ đang chờ đã chờ lâu hơn thường lệ (bách phân vị 90 của đơn vị, `
        + `${formatDays(most.p90WorkingDays)} ngày làm việc).`
      : `Không hồ sơ nào chờ lâu hơn thường lệ; nhiều hồ sơ chờ nhất ở bước ${most.name} `
        + `(${formatNumber(most.open)}).`;
  const rows = stalls.stages.filter((s) => s.completed > 0 || s.open > 0);
  $('stall-table').tBodies[0].replaceChildren(...rows.map((s) => element('tr',
    { class: most && s.key === most.key && s.olderThanUsual ? 'stalled' : '' },
    element('td', {}, s.name, element('span', { class: 'code' }, ` ${s.key}`)),
    element('td', { class: 'num' }, formatNumber(s.completed)),
    element('td', { class: 'num' }, formatDays(s.medianWorkingDays)),
    element('td', { class: 'num' }, formatDays(s.p90WorkingDays)),
    element('td', { class: 'num' }, formatNumber(s.open)),
    element('td', { class: s.olderThanUsual > 0 ? 'num alert' : 'num' }, formatNumber(s.olderThanUsual)))));
}
