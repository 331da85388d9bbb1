// Calls to /api with the Camunda webapps' session (sign in to Tasklist first), shared by the dashboard and the quota
// page. A change must carry the session's CSRF token in X-XSRF-TOKEN: the webapps' XSRF-TOKEN cookie belongs to
// /camunda, so the token is taken from the X-XSRF-TOKEN header that every answer of /api to a session request carries.

export const TASKLIST = '/camunda/app/tasklist/';
const ZONE = 'Asia/Ho_Chi_Minh';
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, message, errors) {
    super(message);
    this.status = status;
    this.errors = errors || [];
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = await token();
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  remember(response);
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch (e) {
    json = undefined;
  }
  if (!response.ok) {
    throw new ApiError(response.status, messageOf(response.status, json), json && json.errors);
  }
  return json;
}

function remember(response) {
  const header = response.headers.get('X-XSRF-TOKEN');
  if (header && header !== 'Required') {
    csrfToken = header;
  }
}

/** The session's token; a session that never opened a webapp page has none until the webapps are asked once. */
async function token() {
  if (!csrfToken) {
    remember(await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' }));
  }
  if (!csrfToken) {
    remember(await fetch('/api/me', { credentials: 'same-origin' }));
  }
  return csrfToken || '';
}

function messageOf(status, json) {
  if (json && json.message) {
    return json.message;
  }
  switch (status) {
    case 401: return 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.';
    case 403: return 'Bạn không có quyền thực hiện việc này.';
    case 404: return 'Không tìm thấy dữ liệu yêu cầu.';
    default: return `Máy chủ báo lỗi (mã ${status}). Hãy thử lại sau.`;
  }
}

export const api = {
  get: (path) => call('GET', path),
  put: (path, body) => call('PUT', path, body),
};

/** The text of an error for the user: the message and each reason the server gave. */
export function describe(error) {
  if (!(error instanceof ApiError)) {
    return 'Đã xảy ra lỗi không mong muốn: ' + (error && error.message ? error.message : error);
  }
  return [error.message, ...error.errors].join(' ');
}

/** Shows the sign-in notice in place of the page's content. */
export function showSignIn(container) {
  container.replaceChildren(element('section', { class: 'notice notice-signin', role: 'alert' },
    element('h2', {}, 'Cần đăng nhập'),
    element('p', {}, 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn. Hãy đăng nhập Camunda Tasklist bằng tài khoản '
      + 'của mình, rồi quay lại và tải lại trang này.'),
    element('p', {}, element('a', { class: 'button', href: TASKLIST }, 'Đăng nhập Tasklist'))));
}

export function showError(container, error) {
  container.replaceChildren(element('section', { class: 'notice notice-error', role: 'alert' },
    element('h2', {}, error.status === 403 ? 'Không có quyền truy cập' : 'Không tải được dữ liệu'),
    element('p', {}, describe(error))));
}

/** Creates an element with attributes and children (strings become text, never HTML). */
export function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

/** This year in Vietnam. */
export function currentYear() {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric' }).format(new Date()));
}

export function fillYears(select, selected, from, to) {
  select.replaceChildren();
  for (let year = to; year >= from; year -= 1) {
    select.append(element('option', { value: year, selected: year === selected }, `Năm ${year}`));
  }
}

const numbers = new Intl.NumberFormat('vi-VN');
const percents = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
export const formatNumber = (value) => (value === null || value === undefined ? '—' : numbers.format(value));
export const formatPercent = (value) => (value === null || value === undefined ? '—' : percents.format(value));

/**
 * The units as a tree, by the server's rule (UnitService.subUnits): below a unit are those whose parent it is and,
 * below a Party cell, the Youth Union branches attached to it.
 */
export class UnitTree {
  constructor(units) {
    this.byCode = new Map(units.map((u) => [u.code, u]));
    this.below = new Map();
    units.forEach((u) => [u.parentCode, u.partyCellCode].filter(Boolean).forEach((above) => {
      if (!this.below.has(above)) {
        this.below.set(above, []);
      }
      this.below.get(above).push(u);
    }));
    this.below.forEach((list) => list.sort((a, b) => a.code.localeCompare(b.code)));
  }

  roots(kinds) {
    return [...this.byCode.values()].filter((u) => !u.parentCode && kinds.includes(u.kind))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The unit and every unit below it, depth first, each with its depth (0 for the unit). */
  walk(code, depth = 0, seen = new Set()) {
    const unit = this.byCode.get(code);
    if (!unit || seen.has(code)) {
      return [];
    }
    seen.add(code);
    return [{ unit, depth },
      ...(this.below.get(code) || []).flatMap((child) => this.walk(child.code, depth + 1, seen))];
  }
}

export const YOUTH_KINDS = ['YOUTH_BLOC', 'YOUTH_GRASSROOTS', 'YOUTH_BRANCH'];
export const PARTY_KINDS = ['PARTY_SUPERIOR_COMMITTEE', 'PARTY_COMMITTEE', 'PARTY_CELL'];

/** Indents an option's text by its depth (options cannot be padded with CSS in every browser). */
export function indent(depth, text) {
  return '\u00a0\u00a0\u00a0'.repeat(depth) + text;
}

/** Administrators: every unit of both trees. Officers: the units of their roles and every unit below them. */
export function offeredUnits(me, tree) {
  const groups = [];
  if (me.administrator) {
    groups.push({ label: 'Đoàn Thanh niên', rows: tree.roots(YOUTH_KINDS).flatMap((u) => tree.walk(u.code)) });
    groups.push({ label: 'Đảng', rows: tree.roots(PARTY_KINDS).flatMap((u) => tree.walk(u.code)) });
  } else {
    const seen = new Set();
    me.roles.forEach((role) => {
      const rows = tree.walk(role.unitCode).filter((row) => !seen.has(row.unit.code));
      rows.forEach((row) => seen.add(row.unit.code));
      if (rows.length) {
        groups.push({ label: `${role.roleTitle} — ${role.unitName}`, rows });
      }
    });
  }
  return groups.filter((g) => g.rows.length);
}

export function fillUnits(select, groups, wanted) {
  select.replaceChildren(...groups.map((group) => element('optgroup', { label: group.label },
    group.rows.map(({ unit, depth }) => element('option', { value: unit.code, selected: unit.code === wanted },
      indent(depth, `${unit.name} (${unit.code})`))))));
}
