// The member import page (import.html); a file of its own, since the page's policy allows no inline script.
(function () {
  'use strict';
  var MAX_BYTES = 10 * 1024 * 1024; // MemberImport.MAX_MEGABYTES: a larger file is not sent at all
  var COLUMNS = ['code', 'fullName', 'birthDate', 'gender', 'branchCode', 'youthUnionJoinDate', 'education',
    'lastRating', 'lastRatingYear', 'awarenessCertificateDate', 'youthUnionActive'];
  var EXAMPLE = ['KTNN01-101', 'Nguyễn Thị Hồng Nhung', '2002-04-15', 'FEMALE', 'KTNN-01', '2017-03-26',
    'UNIVERSITY', 'EXCELLENT', String(new Date().getFullYear() - 1), '', 'true'];
  var csrfToken = null;
  var lastProblems = [];

  function $(id) { return document.getElementById(id); }

  function show(kind, text) {
    var box = $('result');
    box.className = 'notice ' + kind;
    box.textContent = text;
  }

  function signedOut() {
    $('signIn').classList.remove('hidden');
    $('who').textContent = 'Chưa đăng nhập.';
  }

  // Any GET through the webapps gives the session its CSRF token if it has none yet. The webapps' XSRF-TOKEN cookie
  // belongs to /camunda, out of this page's reach: every answer of /api to a session request carries the token in the
  // X-XSRF-TOKEN header instead.
  function loadSession() {
    return fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' })
      .catch(function () { return null; })
      .then(function () { return fetch('/api/me', { credentials: 'same-origin', cache: 'no-store' }); })
      .then(function (response) {
        if (response.status === 401) { signedOut(); return false; }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        csrfToken = response.headers.get('X-XSRF-TOKEN');
        return response.json().then(function (me) {
          $('signIn').classList.add('hidden');
          $('who').textContent = 'Đã đăng nhập: ' + me.name + ' (' + me.id + ').';
          return true;
        });
      });
  }

  function csvCell(value) {
    var text = value == null ? '' : String(value);
    return /[";\n\r,]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function download(name, rows) {
    var text = '\uFEFF' + rows.map(function (r) { return r.map(csvCell).join(';'); }).join('\r\n') + '\r\n';
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function showProblems(problems) {
    lastProblems = problems;
    var body = $('problemRows');
    body.textContent = '';
    var rows = document.createDocumentFragment();
    problems.forEach(function (p) {
      var tr = document.createElement('tr');
      [p.row, p.column, p.value, p.reason].forEach(function (value, i) {
        var td = document.createElement('td');
        td.textContent = value == null ? '' : String(value);
        if (i === 0) { td.className = 'num'; }
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    body.appendChild(rows);
    $('problems').classList.toggle('hidden', problems.length === 0);
  }

  function post(file) {
    var form = new FormData();
    form.append('file', file);
    var headers = {};
    if (csrfToken) { headers['X-XSRF-TOKEN'] = csrfToken; }
    return fetch('/api/members/import', { method: 'POST', body: form, headers: headers, credentials: 'same-origin' });
  }

  function answer(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      return { status: response.status, body: body };
    });
  }

  function upload(file) {
    return post(file).then(answer).then(function (result) {
      // The session may have changed since the page was loaded (signed in again): fetch its token and retry once.
      if (result.status === 403 && /CSRF/.test(result.body.message || '')) {
        return loadSession().then(function () { return post(file).then(answer); });
      }
      return result;
    });
  }

  $('upload').addEventListener('submit', function (event) {
    event.preventDefault();
    var file = $('file').files[0];
    showProblems([]);
    if (!file) { show('error', 'Hãy chọn một tệp.'); return; }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      show('error', 'Chỉ nhận tệp .csv hoặc .xlsx (tệp đã chọn: ' + file.name + ').');
      return;
    }
    if (file.size > MAX_BYTES) { show('error', 'Tệp lớn quá 10 MB; hãy chia thành nhiều tệp nhỏ hơn.'); return; }
    $('send').disabled = true;
    show('info', 'Đang kiểm tra và nhập ' + file.name + '…');
    upload(file).then(function (result) {
      if (result.status === 201) {
        show('ok', result.body.message || ('Đã nhập ' + result.body.imported + ' đoàn viên.'));
      } else if (result.status === 401) {
        signedOut();
        show('error', 'Cần đăng nhập Tasklist trước khi nhập.');
      } else if (result.status === 400) {
        show('error', result.body.message || 'Tệp không hợp lệ.');
        showProblems(result.body.problems || []);
      } else {
        show('error', result.body.message || ('Không nhập được tệp (lỗi máy chủ ' + result.status + ').'));
      }
    }).catch(function () {
      show('error', 'Không gửi được tệp: mất kết nối tới máy chủ.');
    }).then(function () { $('send').disabled = false; });
  });

  $('template').addEventListener('click', function () {
    download('mau-nhap-doan-vien.csv', [COLUMNS, EXAMPLE]);
  });

  $('download').addEventListener('click', function () {
    download('loi-nhap-doan-vien.csv', [['Dòng', 'Cột', 'Giá trị', 'Lý do']].concat(lastProblems.map(function (p) {
      return [p.row, p.column, p.value, p.reason];
    })));
  });

  loadSession().catch(function () {
    $('who').textContent = 'Không kiểm tra được đăng nhập (máy chủ không trả lời).';
  });
})();
