/**
 * Browser check of the member import page (/members/import.html) in Chromium driven by playwright-core, as a branch
 * secretary uses it: without a session it asks to sign in to Tasklist; signed in to Tasklist it names the user,
 * uploads a CSV with two members (both then readable over /api), and for a file with bad rows lists every problem by
 * row and column and stores nothing; a Party officer's upload is refused in Vietnamese.
 *
 * Usage: node import-check.mjs [base URL, default http://localhost:8080]
 * Environment: CHROMIUM (default /usr/bin/chromium), HEADED=1 to watch. Exits with status 1 when a check failed.
 * Screenshots go to target/e2e-import/.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { call, check, results } from './common.mjs';

const BASE = (process.argv[2] || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../target/e2e-import');
const PASSWORD = 'demo';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const HEADER = 'code;fullName;birthDate;gender;branchCode;youthUnionJoinDate;education;lastRating;lastRatingYear';
const LAST_YEAR = new Date().getFullYear() - 1;
const RUN = String(Date.now() % 1_000_000);

let browser;

async function newPage() {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  return context.newPage();
}

/** Signs in through Tasklist's own login form: the import page then uses that session. */
async function signIn(page, user) {
  await page.goto(`${BASE}/camunda/app/tasklist/default/`);
  await page.locator('form[name=signinForm] input[type=password]').waitFor();
  await page.locator('form[name=signinForm] input[type=text]').fill(user);
  await page.locator('form[name=signinForm] input[type=password]').fill(PASSWORD);
  await page.locator('form[name=signinForm] button[type=submit]').click();
  await page.locator('.task-filter').first().waitFor();
}

async function openImportPage(page) {
  await page.goto(`${BASE}/members/import.html`);
  await page.locator('#who:not(:has-text("Đang kiểm tra"))').waitFor();
}

/** Chooses the file in the page's file input, sends it and waits for the page's answer. */
async function upload(page, name, text) {
  await page.locator('#file').setInputFiles({ name, mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${text}`, 'utf-8') });
  await page.locator('#send').click();
  // The page shows "Đang kiểm tra và nhập…" (class info) until the server answers, then ok or error.
  await page.waitForFunction(() => /\b(ok|error)\b/.test(document.getElementById('result').className));
  return (await page.locator('#result').innerText()).trim();
}

const shot = (page, name) => page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
const memberStatus = async (code) => (await call(BASE, PASSWORD, 'secretary', 'GET', `/api/members/${code}`)).status;

async function main() {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: !process.env.HEADED, args: LAUNCH_ARGS });
  try {
    // 1. No session
    const anonymous = await newPage();
    await openImportPage(anonymous);
    check('without a session the page asks to sign in to Tasklist first',
      await anonymous.locator('#signIn').isVisible()
      && (await anonymous.locator('#signIn').innerText()).includes('Bạn chưa đăng nhập')
      && (await anonymous.locator('#who').innerText()).includes('Chưa đăng nhập'));
    await shot(anonymous, '01-sign-in-needed');

    // 2. The branch secretary of KTNN-01 imports two members
    const secretary = await newPage();
    await signIn(secretary, 'secretary');
    await openImportPage(secretary);
    const who = (await secretary.locator('#who').innerText()).trim();
    check('signed in to Tasklist, the page names the user', who.startsWith('Đã đăng nhập:') && who.includes('(secretary)'),
      who);
    const good = [`E2E-IMP-${RUN}-1`, `E2E-IMP-${RUN}-2`];
    const imported = await upload(secretary, 'danh-sach.csv', `${HEADER}\n`
      + `${good[0]};Đinh Thị Thanh Tâm;2002-08-19;FEMALE;KTNN-01;2017-03-26;UNIVERSITY;GOOD;${LAST_YEAR}\n`
      + `${good[1]};Phạm Quốc Việt;2001-11-02;MALE;KTNN-01;2016-03-26;COLLEGE;EXCELLENT;${LAST_YEAR}\n`);
    check('a good file of two members is imported and the page says so', imported === 'Đã nhập 2 đoàn viên.', imported);
    const stored = await Promise.all(good.map(memberStatus));
    check('both members are readable over /api', stored.every((s) => s === 200), stored.join(', '));
    await shot(secretary, '02-imported');

    // 3. A file with bad rows: every problem by row and column, nothing stored
    const bad = [`E2E-IMP-${RUN}-3`, `E2E-IMP-${RUN}-4`];
    const refused = await upload(secretary, 'sai.csv', `${HEADER}\n`
      + `${bad[0]};Lê Văn An;2002-02-30;MALE;KTNN-01;2017-03-26;UNIVERSITY;GOOD;${LAST_YEAR}\n`
      + `${bad[1]};Trần Thu Hà;2002-05-04;FEMALE;KTNN-01;2017-03-26;UNIVERSITY;TOT;${LAST_YEAR}\n`);
    await secretary.locator('#problems:not(.hidden)').waitFor();
    const rows = await secretary.locator('#problemRows tr').evaluateAll((trs) => trs.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    check('a file with bad rows is refused', refused.length > 0 && !refused.startsWith('Đã nhập'), refused);
    check('the impossible birth date is listed at row 2, column birthDate',
      rows.some((r) => r[0] === '2' && r[1] === 'birthDate' && r[2] === '2002-02-30'), JSON.stringify(rows));
    check('the unknown rating is listed at row 3, column lastRating',
      rows.some((r) => r[0] === '3' && r[1] === 'lastRating' && r[2] === 'TOT'), JSON.stringify(rows));
    check('every reason is written in Vietnamese', rows.length > 0 && rows.every((r) => /[À-ỹ]/.test(r[3] || '')),
      JSON.stringify(rows.map((r) => r[3])));
    const notStored = await Promise.all(bad.map(memberStatus));
    check('nothing of the refused file is stored', notStored.every((s) => s === 404), notStored.join(', '));
    await shot(secretary, '03-problems');

    // 4. A Party officer may not import
    const partycell = await newPage();
    await signIn(partycell, 'partycell');
    await openImportPage(partycell);
    const code = `E2E-IMP-${RUN}-5`;
    const forbidden = await upload(partycell, 'chi-bo.csv', `${HEADER}\n`
      + `${code};Vũ Minh Châu;2002-03-15;FEMALE;KTNN-01;2017-03-26;UNIVERSITY;GOOD;${LAST_YEAR}\n`);
    check('a Party cell officer is refused in Vietnamese and nothing is stored',
      !forbidden.startsWith('Đã nhập') && /[À-ỹ]/.test(forbidden) && await memberStatus(code) === 404, forbidden);
    await shot(partycell, '04-party-officer-refused');
  } finally {
    await browser.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed}/${results.length} checks passed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
