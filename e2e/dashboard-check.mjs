#!/usr/bin/env node
/*
 * Browser check of the officers' dashboard (/dashboard/) and the quota page (/dashboard/quotas.html), with Debian
 * chromium driven by playwright-core.
 *
 * What it checks
 *   1. Without a session the dashboard says, in Vietnamese, that one must sign in, with a link to Tasklist.
 *   2. Seeds the current year over REST (HTTP Basic, demo users; admin for the HVBC chain, which has no demo officers):
 *      quotas for DK, KTNN, KTNN-01, HVBC, HVBC-01 and a few fresh members of KTNN-01 and HVBC-01 (registered as
 *      E2E-D…) nominated and driven to various stages: one admitted, some introduced and waiting, one rejected at the
 *      branch vote, some waiting at the branch vote.
 *   3. As `youthcommittee` (signed in to Tasklist first, then the dashboard in the same browser): the unit list offers
 *      KTNN and its branch, not HVBC; the cards, the three charts (drawn as SVG) and the tables show the figures of
 *      GET /api/reports/annual, the stall table and its note those of GET /api/reports/stalls; the .xlsx link
 *      downloads bao-cao-ket-nap-<year>-KTNN.xlsx (a ZIP file); a click on the branch in the sub-unit table shows
 *      the branch.
 *   4. As `admin`: every unit of both trees is offered; DK shows its grassroots units side by side; Camunda's Welcome
 *      page links both pages; the quota page
 *      lists the Youth Union tree with the quotas set, refuses a negative quota in Vietnamese before sending it, and
 *      saves a changed quota through PUT with the session's CSRF token (checked over REST afterwards).
 *   5. As `secretary`: the quota page is read-only with a Vietnamese notice.
 *   No console error and no Content-Security-Policy violation on any page of the dashboard.
 *   Screenshots go to ../target/e2e-dashboard/ (wiped at the start).
 *
 * How to run (the application must be running in the default profile, with demo data):
 *   cd e2e && npm install && node dashboard-check.mjs [baseUrl]       # baseUrl defaults to http://localhost:8080
 * Environment: CHROMIUM (default /usr/bin/chromium), HEADED=1 to watch. Exits with status 1 when a check failed.
 * Re-runnable: every run registers new members; the quota it changes is set back at the end.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { call, check, results } from './common.mjs';

const BASE = (process.argv[2] || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../target/e2e-dashboard');
const PASSWORD = 'demo';
const ZONE = 'Asia/Ho_Chi_Minh';
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric' }).format(new Date()));
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];


// ---------------------------------------------------------------------------------------------------------------
// REST with HTTP Basic: seeding and checking what the pages show

async function rest(user, method, path, body) {
  const { status, json, text } = await call(BASE, PASSWORD, user, method, path, body);
  if (status >= 400) throw new Error(`${method} ${path} as ${user}: HTTP ${status} ${text.slice(0, 300)}`);
  return json;
}

function isoDaysAgo(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Valid input of each stage (as src/test/.../Pipeline.valid), dated in the last days. */
function valid(taskKey) {
  const lastWeek = isoDaysAgo(7);
  return {
    recordBranchVote: { meetingDate: lastWeek, branchMemberCount: 25, attendeeCount: 22, votesFor: 20, votesAgainst: 2,
      resolutionNumber: '01-NQ/CĐ' },
    recordYouthCommitteeResolution: { resolutionDate: lastWeek, committeeMemberCount: 9, votesFor: 9, votesAgainst: 0,
      resolutionNumber: '15-NQ/ĐTN' },
    recordAwarenessCertificate: { certificateDate: lastWeek, certificateNumber: 'GCN-E2E-1' },
    assignIntroducer: { introducerName: 'Phạm Văn Hùng', introducerOfficialSince: '2015-03-02', monthsWorkedTogether: 24 },
    checkDossier: { applicationReceived: true, personalHistoryReceived: true, dossierDate: lastWeek },
    verifyBackground: { backgroundClear: true, verificationNotes: 'Lý lịch rõ ràng.' },
    collectOpinions: { residenceOpinionReceived: true, massOrganisationOpinionReceived: true,
      opinionSummary: 'Các ý kiến đều đồng ý.' },
    recordPartyCellVote: { meetingDate: isoDaysAgo(3), officialMemberCount: 12, votesFor: 12, votesAgainst: 0,
      resolutionNumber: '06-NQ/CB' },
    recordPartyCommitteeVote: { committeeMemberCount: 15, votesFor: 14, votesAgainst: 1, resolutionNumber: '08-NQ/ĐU' },
    recordAdmissionDecision: { approved: true, decisionNumber: '123-QĐ/ĐUK', decisionDate: isoDaysAgo(1) },
    recordAdmissionCeremony: { ceremonyDate: isoDaysAgo(0) },
  }[taskKey];
}

const KTNN_USERS = {
  recordBranchVote: 'secretary', recordYouthCommitteeResolution: 'youthcommittee', recordPartyCommitteeVote: 'partycommittee',
  verifyBackground: 'partycommittee', recordAdmissionDecision: 'superior',
};
const userFor = (branch, taskKey) => (branch === 'KTNN-01' ? (KTNN_USERS[taskKey] || 'partycell')
  : (taskKey === 'recordBranchVote' ? 'secretary2' : 'admin'));

const typed = (values) => ({ variables: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) });

async function openTasks(instanceId) {
  return rest('admin', 'GET', `/engine-rest/task?processInstanceId=${instanceId}&maxResults=50`);
}

/** The open tasks once the job executor has run the asynchronous steps; [] once the instance has ended. */
async function nextTasks(instanceId) {
  for (let waited = 0; waited < 30000; waited += 400) {
    const tasks = await openTasks(instanceId);
    if (tasks.length) return tasks;
    const running = await rest('admin', 'GET', `/engine-rest/process-instance?processInstanceIds=${instanceId}&maxResults=1`);
    if (!running.length) return [];
    await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error(`instance ${instanceId} reached no task within 30 s`);
}

async function registerMember(branch, n) {
  const code = `E2E-D${Date.now().toString(36).toUpperCase()}${n}`;
  await rest('admin', 'POST', '/api/members', {
    code, fullName: `Đoàn viên Kiểm thử ${n}`, birthDate: '2001-05-0' + ((n % 9) + 1), gender: n % 2 ? 'FEMALE' : 'MALE',
    branchCode: branch, youthUnionJoinDate: '2016-03-26', education: 'UNIVERSITY', lastRating: 'EXCELLENT',
    lastRatingYear: YEAR - 1, awarenessCertificateDate: isoDaysAgo(200),
  });
  return code;
}

/** Nominates a fresh member and completes the tasks until it waits at `stopAt` (or ends); `reject` fails that task. */
async function drive(branch, n, stopAt, { reject = false } = {}) {
  const member = await registerMember(branch, n);
  const started = await rest(branch === 'KTNN-01' ? 'secretary' : 'secretary2', 'POST',
    '/engine-rest/process-definition/key/party-admission/submit-form',
    typed({ memberCode: member, nominationReason: 'Gương mẫu, nhiệt tình (kiểm tra bảng số liệu)' }));
  for (;;) {
    const tasks = await nextTasks(started.id);
    if (!tasks.length) return started.id;
    const key = tasks[0].taskDefinitionKey;
    if (key === stopAt && !reject) return started.id;
    const values = { ...valid(key) };
    if (key === stopAt && reject) Object.assign(values, { votesFor: 11, votesAgainst: 11 });
    for (const task of tasks) {
      const user = userFor(branch, key);
      await rest(user, 'POST', `/engine-rest/task/${task.id}/claim`, { userId: user });
      await rest(user, 'POST', `/engine-rest/task/${task.id}/submit-form`, typed(values));
    }
    if (key === stopAt) return started.id;
  }
}

async function seed() {
  for (const [unit, quota] of Object.entries({ DK: 16, KTNN: 10, 'KTNN-01': 10, HVBC: 6, 'HVBC-01': 6 })) {
    await rest('admin', 'PUT', `/api/quotas/${YEAR}/${unit}`, { introduced: quota });
  }
  await drive('KTNN-01', 1, 'end');
  await drive('KTNN-01', 2, 'recordPartyCellVote');
  await drive('KTNN-01', 3, 'recordPartyCellVote');
  await drive('KTNN-01', 4, 'recordYouthCommitteeResolution');
  await drive('KTNN-01', 5, 'recordBranchVote', { reject: true });
  await drive('KTNN-01', 6, 'recordBranchVote');
  await drive('HVBC-01', 7, 'verifyBackground');
  await drive('HVBC-01', 8, 'checkDossier');
  await drive('HVBC-01', 9, 'recordBranchVote');
}

// ---------------------------------------------------------------------------------------------------------------
// Browser

let browser;
const problems = new Map(); // page → console errors and CSP violations on dashboard pages

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN', timezoneId: ZONE,
    acceptDownloads: true });
  context.setDefaultTimeout(30000);
  const page = await context.newPage();
  problems.set(page, []);
  page.on('console', (m) => {
    // The sign-in notice follows a 401 from /api/me, which the browser logs as a failed resource.
    if (m.type() === 'error' && page.url().includes('/dashboard/') && !/status of 401/.test(m.text())) {
      problems.get(page).push(m.text());
    }
  });
  page.on('pageerror', (e) => problems.get(page).push(e.message));
  return page;
}

/** Signs in through Tasklist's own login form: the dashboard then uses that session. */
async function signIn(page, user) {
  await page.goto(`${BASE}/camunda/app/tasklist/default/`);
  await page.locator('form[name=signinForm] input[type=password]').waitFor();
  await page.locator('form[name=signinForm] input[type=text]').fill(user);
  await page.locator('form[name=signinForm] input[type=password]').fill(PASSWORD);
  await page.locator('form[name=signinForm] button[type=submit]').click();
  await page.locator('.task-filter').first().waitFor();
}

async function openDashboard(page, query = '') {
  const reportLoaded = page.waitForResponse((r) => r.url().includes('/api/reports/annual?') && r.ok());
  await page.goto(`${BASE}/dashboard/${query}`);
  await reportLoaded;
  await page.locator('#report:not([hidden])').waitFor();
  await page.waitForTimeout(900); // chart animations
}

const text = async (page, selector) => (await page.locator(selector).innerText()).trim();
const digits = (s) => Number(String(s).replace(/[^\d]/g, ''));
const shot = (page, name) => page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });

async function main() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: !process.env.HEADED, args: LAUNCH_ARGS });
  try {
    // 1. No session
    const anonymous = await newPage();
    await anonymous.goto(`${BASE}/dashboard/`);
    await anonymous.locator('.notice-signin').waitFor();
    check('without a session the dashboard asks to sign in to Tasklist',
      (await text(anonymous, '.notice-signin')).includes('Cần đăng nhập')
      && (await anonymous.locator('.notice-signin a[href="/camunda/app/tasklist/"]').count()) === 1);
    await shot(anonymous, '01-sign-in-needed');

    // 2. Seed
    await seed();
    check('the current year is seeded over REST', true, `year ${YEAR}`);

    // 3. Youth committee of KTNN
    const youth = await newPage();
    await signIn(youth, 'youthcommittee');
    await openDashboard(youth);
    const options = await youth.locator('#unit option').evaluateAll((os) => os.map((o) => o.value));
    check('the youth committee is offered KTNN and its branch only', options.includes('KTNN')
      && options.includes('KTNN-01') && !options.includes('HVBC') && !options.includes('DK'), options.join(', '));
    check('the year defaults to this year', Number(await youth.locator('#year').inputValue()) === YEAR);
    const report = await rest('admin', 'GET', `/api/reports/annual?year=${YEAR}&unit=KTNN`);
    const inProgress = Object.values(report.inProgressByStage).reduce((a, b) => a + b, 0);
    check('the cards show the report of KTNN',
      digits(await text(youth, '#kpi-quota')) === report.quota
      && digits(await text(youth, '#kpi-nominated')) === report.nominated
      && digits(await text(youth, '#kpi-introduced')) === report.introduced
      && digits(await text(youth, '#kpi-admitted')) === report.admitted
      && digits(await text(youth, '#kpi-in-progress')) === inProgress
      && digits(await text(youth, '#kpi-overdue')) === report.overdue,
      `quota ${report.quota}, nominated ${report.nominated}, introduced ${report.introduced}, admitted ${report.admitted}`);
    for (const chart of ['#funnel-chart', '#stage-chart', '#sub-chart']) {
      check(`chart ${chart} is drawn`, (await youth.locator(`${chart} svg`).count()) === 1);
    }
    const funnelText = await youth.locator('#funnel-chart svg').textContent();
    check('the funnel names its three steps and the quota', ['Được đề cử', 'Đã giới thiệu', 'Đã kết nạp',
      `Chỉ tiêu: ${report.quota}`].every((s) => funnelText.includes(s)), funnelText.slice(0, 200));
    const stageRows = await youth.locator('#stage-table tbody tr').allInnerTexts();
    check('the stage table names the stages in Vietnamese with their keys',
      stageRows.some((r) => r.includes('Ghi kết quả biểu quyết của chi bộ') && r.includes('recordPartyCellVote')
        && digits(r.split('recordPartyCellVote')[1]) === (report.inProgressByStage.recordPartyCellVote || 0)));
    const stalls = await rest('admin', 'GET', `/api/reports/stalls?year=${YEAR}&unit=KTNN`);
    const stallRows = await youth.locator('#stall-table tbody tr').allInnerTexts();
    const branchVote = stalls.stages.find((s) => s.key === 'recordBranchVote');
    check('the stall table shows each stage\'s times and who waits, as GET /api/reports/stalls',
      stallRows.some((r) => r.includes('Ghi kết quả biểu quyết của chi đoàn') && r.includes('recordBranchVote')
        && r.includes(String(branchVote.open)))
      && stallRows.length === stalls.stages.filter((s) => s.completed > 0 || s.open > 0).length,
      `${stallRows.length} rows; most waiting: ${stalls.mostWaiting && stalls.mostWaiting.key}`);
    check('the stall note names the stage holding most of the waiting', !stalls.mostWaiting
      || (await text(youth, '#stall-note')).includes(stalls.mostWaiting.name));
    const subRows = await youth.locator('#sub-table tbody tr').allInnerTexts();
    check('the sub-unit table lists KTNN-01', subRows.length === 1 && subRows[0].includes('Chi đoàn Vụ Tổng hợp'),
      subRows.join(' | '));
    check('the download link asks for the same report as a workbook',
      (await youth.locator('#download').getAttribute('href')) === `/api/reports/annual.xlsx?year=${YEAR}&unit=KTNN`);
    await shot(youth, '02-dashboard-youth-committee-KTNN');
    const [download] = await Promise.all([youth.waitForEvent('download'), youth.locator('#download').click()]);
    const file = `${OUT}/${download.suggestedFilename()}`;
    await download.saveAs(file);
    const bytes = await readFile(file);
    check('the workbook downloads with the year and unit in its name',
      download.suggestedFilename() === `bao-cao-ket-nap-${YEAR}-KTNN.xlsx` && bytes.subarray(0, 2).toString() === 'PK',
      `${download.suggestedFilename()}, ${bytes.length} bytes`);
    const branchLoaded = youth.waitForResponse((r) => r.url().includes('unit=KTNN-01') && r.ok());
    await youth.locator('#sub-table a[data-unit="KTNN-01"]').click();
    await branchLoaded;
    await youth.waitForTimeout(700);
    check('a click on the branch shows the branch', (await youth.locator('#unit').inputValue()) === 'KTNN-01'
      && (await text(youth, '#sub-note')).includes('không có đơn vị trực thuộc'));
    await shot(youth, '03-dashboard-branch-KTNN-01');

    // 4. Administrator
    const admin = await newPage();
    await signIn(admin, 'admin');
    await openDashboard(admin, '?unit=DK');
    const adminOptions = await admin.locator('#unit option').evaluateAll((os) => os.map((o) => o.value));
    check('an administrator is offered every unit of both trees', ['DK', 'KTNN', 'HVBC-01', 'DUK', 'CB-KTNN-01']
      .every((u) => adminOptions.includes(u)), `${adminOptions.length} units`);
    check('the administrator sees the link to the quota page', await admin.locator('#quota-link').isVisible());
    const dkRows = await admin.locator('#sub-table tbody tr').allInnerTexts();
    check('DK shows its grassroots units side by side', dkRows.some((r) => r.includes('Kiểm toán Nhà nước'))
      && dkRows.some((r) => r.includes('Học viện Báo chí')), dkRows.join(' | '));
    await shot(admin, '04-dashboard-admin-DK');
    await openDashboard(admin, '?unit=DUK');
    await shot(admin, '05-dashboard-admin-DUK');

    await admin.goto(`${BASE}/camunda/app/welcome/default/`);
    const welcomeLink = admin.locator('a[href="/dashboard/"]', { hasText: 'Báo cáo kết nạp đoàn viên ưu tú' });
    check('Camunda\'s Welcome page links the dashboard and the quota page',
      await welcomeLink.waitFor().then(() => true, () => false)
      && (await admin.locator('a[href="/dashboard/quotas.html"]').count()) === 1);
    await shot(admin, '06-welcome-links');

    const quotasLoaded = admin.waitForResponse((r) => r.url().includes(`/api/quotas/${YEAR}`) && r.ok());
    await admin.goto(`${BASE}/dashboard/quotas.html`);
    await quotasLoaded;
    await admin.locator('#quotas:not([hidden])').waitFor();
    const quotaRows = await admin.locator('.quota-table tbody tr').allInnerTexts();
    check('the quota page lists the Youth Union tree only', quotaRows.some((r) => r.includes('KTNN-01'))
      && !quotaRows.some((r) => r.includes('CB-KTNN-01') || r.includes('DUK')), `${quotaRows.length} rows`);
    const ktnn = admin.locator('.quota-table tbody tr', { hasText: 'Đoàn Thanh niên Kiểm toán Nhà nước' });
    check('the quota set over REST is shown', (await ktnn.locator('input').inputValue()) === '10');
    await ktnn.locator('input').fill('-5');
    await admin.locator('#save').click();
    await admin.waitForTimeout(300);
    check('a negative quota is refused in Vietnamese before it is sent',
      (await ktnn.locator('.row-status').innerText()).includes('số nguyên từ 0 trở lên')
      && (await rest('admin', 'GET', `/api/quotas/${YEAR}`)).find((q) => q.unitCode === 'KTNN').introduced === 10);
    await shot(admin, '07-quotas-invalid');
    await ktnn.locator('input').fill('12');
    const put = admin.waitForResponse((r) => r.url().includes(`/api/quotas/${YEAR}/KTNN`) && r.request().method() === 'PUT');
    await admin.locator('#save').click();
    const putResponse = await put;
    await admin.waitForTimeout(300);
    check('a changed quota is saved with the session and its CSRF token', putResponse.status() === 200
      && Boolean(putResponse.request().headers()['x-xsrf-token'])
      && (await ktnn.locator('.row-status').innerText()).includes('Đã lưu')
      && (await rest('admin', 'GET', `/api/quotas/${YEAR}`)).find((q) => q.unitCode === 'KTNN').introduced === 12);
    await shot(admin, '08-quotas-saved');
    await rest('admin', 'PUT', `/api/quotas/${YEAR}/KTNN`, { introduced: 10 });

    // 5. Branch secretary on the quota page
    const secretary = await newPage();
    await signIn(secretary, 'secretary');
    const secretaryQuotas = secretary.waitForResponse((r) => r.url().includes(`/api/quotas/${YEAR}`));
    await secretary.goto(`${BASE}/dashboard/quotas.html`);
    await secretaryQuotas;
    await secretary.locator('#quotas:not([hidden])').waitFor();
    check('an officer sees the quota page read-only with a Vietnamese notice',
      (await text(secretary, '#status')).includes('Chỉ quản trị hệ thống mới được đặt chỉ tiêu')
      && (await secretary.locator('.quota-table input:not([disabled])').count()) === 0
      && await secretary.locator('#save').isHidden());
    await shot(secretary, '09-quotas-secretary');

    for (const [page, found] of problems) {
      check(`no console error or CSP violation (${page.url().replace(BASE, '') || 'page'})`, found.length === 0,
        found.join(' | '));
    }
  } finally {
    await browser.close();
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
  console.log(`Screenshots: ${OUT}`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
