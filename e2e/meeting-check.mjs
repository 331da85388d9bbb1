#!/usr/bin/env node
/*
 * Browser check of one meeting recorded for several candidacies in Camunda Tasklist (README, "One meeting for several
 * candidacies"), with a real browser (Debian chromium driven by playwright-core), as `secretary` of branch KTNN-01:
 *   1. three fresh KTNN-01 members are registered and nominated over REST (nomination reason ending with the run mark);
 *   2. Tasklist → Start process → "Ghi nhận một cuộc họp cho nhiều hồ sơ" → "Loại cuộc họp" = the branch meeting →
 *      Start: the task "Ghi kết quả họp chi đoàn xét nhiều đoàn viên" is the secretary's ("Việc của tôi") and its form
 *      has one row per candidacy waiting for the branch vote in KTNN-01 (the 20 longest waiting), the three among
 *      them, each row headed by the candidacy's number and the member's name;
 *   3. the shared fields are filled once (date, 25 members, 22 present, resolution number), every row gets its votes;
 *      one of the three gets 30 votes for: Complete is refused by the server with the message naming that candidacy
 *      ("Hồ sơ số … (…): Tổng số phiếu …") and the task stays open with nothing recorded;
 *   4. the row is corrected and Complete succeeds: the three candidacies wait for the youth committee's resolution and
 *      their timelines carry the same meetingId (GET /api/candidacies/{id}).
 * Rows of other candidacies waiting in KTNN-01 get valid votes too (the list is the unit's, as for an officer).
 *
 * How to run (the application running in the default profile with demo data):
 *   cd e2e && npm install && node meeting-check.mjs [baseUrl]        # baseUrl defaults to http://localhost:8080
 * Environment: CHROMIUM (default /usr/bin/chromium), HEADED=1 to watch. Screenshots go to ../target/e2e-meeting/.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { call, check, results } from './common.mjs';

const BASE = (process.argv[2] || 'http://localhost:8080').replace(/\/+$/, '');
const TASKLIST = `${BASE}/camunda/app/tasklist/default/`;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../target/e2e-meeting');
const ZONE = 'Asia/Ho_Chi_Minh';
const RUN_MARK = '(kiểm tra cuộc họp tự động)';
const PROCESS_NAME = 'Ghi nhận một cuộc họp cho nhiều hồ sơ';
const MEETING_KIND = 'Chi đoàn họp xét, biểu quyết đề nghị giới thiệu';
const TASK_NAME = 'Ghi kết quả họp chi đoàn xét nhiều đoàn viên';

const rest = (user, method, path, body) => call(BASE, 'demo', user, method, path, body);
const labelRe = (label) => new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`);

function isoDaysAgo(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const dmy = (iso) => iso.split('-').reverse().join('/');

async function nominateThree() {
  const open = ((await rest('secretary', 'GET', '/api/candidacies?branch=KTNN-01')).json || [])
    .filter((c) => c.status === 'IN_PROGRESS' && (c.nominationReason || '').includes(RUN_MARK));
  for (const c of open) {
    await rest('secretary', 'POST', `/api/candidacies/${c.id}/withdraw`, { reason: 'Lần kiểm tra trước bị dừng giữa chừng' });
  }
  const ids = [];
  for (let i = 1; i <= 3; i += 1) {
    const code = `KTNN01-M${Date.now() % 1000000}${i}`;
    const member = await rest('secretary', 'POST', '/api/members', {
      code, fullName: `Trần Thị Họp ${i}`, birthDate: isoDaysAgo(23 * 366), gender: 'FEMALE', branchCode: 'KTNN-01',
      youthUnionJoinDate: isoDaysAgo(8 * 366), education: 'UNIVERSITY', lastRating: 'EXCELLENT',
      lastRatingYear: Number(isoDaysAgo(366).slice(0, 4)) });
    const started = await rest('secretary', 'POST', '/engine-rest/process-definition/key/party-admission/submit-form', {
      variables: { memberCode: { value: code }, nominationReason: { value: `Gương mẫu ${RUN_MARK}` } } });
    if (!check(`member ${code} registered and nominated`, member.status === 201 && started.status === 200,
      `HTTP ${member.status} / ${started.status} ${started.text.slice(0, 200)}`)) process.exit(1);
    ids.push(String(started.json.businessKey));
  }
  return ids;
}

async function login(page) {
  await page.goto(TASKLIST);
  await page.locator('form[name=signinForm] input[type=text]').fill('secretary');
  await page.locator('form[name=signinForm] input[type=password]').fill('demo');
  await page.locator('form[name=signinForm] button[type=submit]').click();
  await page.locator('.task-filter').first().waitFor();
}

async function startMeeting(page) {
  await page.locator('.start-process-action a').click();
  await page.locator('.modal').getByText(PROCESS_NAME, { exact: true }).click();
  const modal = page.locator('.modal');
  await modal.locator('.fjs-container').waitFor();
  await modal.locator('.fjs-form-field-select .fjs-input-group').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: MEETING_KIND }).first().click();
  await page.screenshot({ path: `${OUT}/01-start-form.png` });
  const response = page.waitForResponse((r) => /\/process-definition\/[^/]+\/submit-form/.test(r.url()));
  await modal.locator('.modal-footer button.btn-primary').click();
  const r = await response;
  check('the meeting process starts from its Tasklist start form', r.ok(), `HTTP ${r.status()}`);
  return (await r.json()).id;
}

async function openTask(page, taskId) {
  await page.goto(`${TASKLIST}?t=${Date.now()}#/?task=${taskId}`);
  await page.locator('.task-card h2.task').filter({ hasText: TASK_NAME }).waitFor();
  await page.locator('.task-card .fjs-container').waitFor();
  await page.waitForTimeout(800);
}

/** Fills the shared fields once and each row's votes; the row of `tooMany` gets 30 votes for. */
async function fill(page, ids, tooMany) {
  const card = page.locator('.task-card');
  const date = card.getByLabel(labelRe('Ngày họp chi đoàn'));
  await date.click();
  await date.fill(dmy(isoDaysAgo(2)));
  await date.press('Tab');
  await card.getByLabel(labelRe('Số đoàn viên của chi đoàn')).fill('25');
  await card.getByLabel(labelRe('Số đoàn viên có mặt')).fill('22');
  await card.getByLabel(labelRe('Số nghị quyết của chi đoàn')).fill('14-NQ/CĐ');
  // each row starts with its label "Hồ sơ số 13 — Trần Thị Họp 1, sinh ngày …, Chi đoàn …"
  const labels = await card.locator('.fjs-form-field-text').filter({ hasText: /Hồ sơ số \d+ —/ }).allInnerTexts();
  const listed = labels.map((t) => t.match(/Hồ sơ số (\d+) —/)[1]);
  const rows = listed.length;
  for (let i = 0; i < rows; i += 1) {
    await card.getByLabel(labelRe('Số phiếu tán thành')).nth(i).fill(listed[i] === tooMany ? '30' : '20');
    await card.getByLabel(labelRe('Số phiếu không tán thành')).nth(i).fill('2');
  }
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(1500);
  return listed;
}

/**
 * Fills the form, again when form-js dropped a typed text (on a busy host its debounced update can lose to a re-render,
 * see tasklist-check.mjs), at most three times.
 */
async function fillUntilValid(page, ids, tooMany) {
  for (let attempt = 1; ; attempt += 1) {
    const listed = await fill(page, ids, tooMany);
    const disabled = await page.locator('.task-card button[ng-click="complete()"]').isDisabled();
    if (!disabled || attempt === 3) return listed;
    console.log('INFO  form-js lost a typed value; fields filled again');
  }
}

async function complete(page, taskId) {
  const button = page.locator('.task-card button[ng-click="complete()"]');
  if (await button.isDisabled()) {
    const errors = (await page.locator('.task-card .fjs-form-field-error').allInnerTexts()).join(' | ');
    await page.screenshot({ path: `${OUT}/error.png`, fullPage: true });
    throw new Error(`Complete is disabled (form errors: "${errors}")`);
  }
  const submitted = page.waitForResponse((r) => r.url().includes(`/task/${taskId}/submit-form`), { timeout: 15000 });
  await button.click();
  const r = await submitted;
  return { status: r.status(), text: await r.text().catch(() => '') };
}

async function main() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const ids = await nominateThree();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: !process.env.HEADED, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN', timezoneId: ZONE });
    context.setDefaultTimeout(30000);
    const page = await context.newPage();
    await login(page);
    const instance = await startMeeting(page);
    const tasks = (await rest('secretary', 'GET', `/engine-rest/task?processInstanceId=${instance}&maxResults=5`)).json || [];
    check('the meeting task is the secretary\'s own', tasks.length === 1 && tasks[0].assignee === 'secretary',
      JSON.stringify(tasks.map((t) => [t.name, t.assignee])));
    const taskId = tasks[0].id;
    await openTask(page, taskId);
    const listed = await fillUntilValid(page, ids, ids[1]);
    check('the form lists the three candidacies waiting in the branch', ids.every((id) => listed.includes(id)),
      `listed: ${listed.join(', ')}`);
    await page.screenshot({ path: `${OUT}/02-meeting-form.png`, fullPage: true });
    const refused = await complete(page, taskId);
    check('one row above the members present refuses the whole meeting, naming that candidacy',
      refused.status === 400 && refused.text.includes(`Hồ sơ số ${ids[1]} (`), `HTTP ${refused.status} ${refused.text.slice(0, 300)}`);
    await page.screenshot({ path: `${OUT}/03-refusal.png`, fullPage: true });
    const stillOpen = (await rest('secretary', 'GET', `/engine-rest/task/${taskId}`)).status === 200;
    const untouched = await Promise.all(ids.map((id) => rest('secretary', 'GET', `/api/candidacies/${id}`)));
    check('after the refusal the task is open and no candidacy moved', stillOpen
      && untouched.every((c) => c.json.stage === 'recordBranchVote'));
    await openTask(page, taskId);
    await fillUntilValid(page, ids, null);
    const done = await complete(page, taskId);
    check('the corrected meeting completes', done.status === 204, `HTTP ${done.status} ${done.text.slice(0, 300)}`);
    const after = await Promise.all(ids.map((id) => rest('secretary', 'GET', `/api/candidacies/${id}`)));
    const meetings = after.map((c) => (c.json.timeline || []).filter((e) => e.stage === 'recordBranchVote'
      && e.action === 'STAGE_COMPLETED').map((e) => e.details && e.details.meetingId)[0]);
    check('the three wait for the youth committee, recorded by one meeting',
      after.every((c) => c.json.stage === 'recordYouthCommitteeResolution') && meetings[0] && new Set(meetings).size === 1,
      `stages ${after.map((c) => c.json.stage).join(', ')}; meetings ${meetings.join(', ')}`);
  } finally {
    await browser.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed}/${results.length} checks passed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
