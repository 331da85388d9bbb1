-- Vietnam's public holidays, from which deadlines in working days are counted (SPEC: working days are Monday to
-- Friday less the public holidays). Administrators keep the list current through /api/holidays.
--   HOLIDAY          a day off: a holiday of article 112 of the Labour Code 2019 (even on a weekend, so the list
--                    reads like the law and the announcements), a day the government adds to a break, or a
--                    substitute day off for a holiday that falls on a Saturday or Sunday (article 111(3)).
--   WORKING_WEEKEND  a Saturday or Sunday worked in exchange for a weekday off (ngày làm bù).
-- Ordinary weekends inside an announced break are not listed: they are days off anyway.
-- note names the legal source; rows not yet announced by the government say so.
-- Plain SQL that runs unchanged on H2 and PostgreSQL.

create table public_holiday (
    holiday_date  date          primary key,
    name          varchar(255)  not null,
    kind          varchar(20)   not null,
    note          varchar(500),
    constraint ck_public_holiday_kind check (kind in ('HOLIDAY', 'WORKING_WEEKEND'))
);

insert into public_holiday (holiday_date, name, kind, note) values
    -- 2024
    (date '2024-01-01', 'Tết Dương lịch', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2024-02-08', 'Tết Nguyên đán Giáp Thìn (29 tháng Chạp)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    (date '2024-02-09', 'Tết Nguyên đán Giáp Thìn (30 tháng Chạp)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    (date '2024-02-10', 'Tết Nguyên đán Giáp Thìn (mùng 1 Tết, thứ Bảy)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    (date '2024-02-11', 'Tết Nguyên đán Giáp Thìn (mùng 2 Tết, Chủ nhật)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    (date '2024-02-12', 'Tết Nguyên đán Giáp Thìn (mùng 3 Tết)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    (date '2024-02-13', 'Nghỉ bù Tết Nguyên đán (mùng 4 Tết)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    (date '2024-02-14', 'Nghỉ bù Tết Nguyên đán (mùng 5 Tết)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    (date '2024-04-18', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2024-04-29', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 04/5/2024)', 'HOLIDAY', 'Công văn 2450/VPCP-KGVX ngày 12/4/2024'),
    (date '2024-04-30', 'Ngày Chiến thắng (30/4)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2024-05-01', 'Ngày Quốc tế Lao động (1/5)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2024-05-04', 'Làm bù cho ngày nghỉ thứ Hai 29/4/2024', 'WORKING_WEEKEND', 'Công văn 2450/VPCP-KGVX ngày 12/4/2024'),
    (date '2024-09-02', 'Quốc khánh (2/9)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    (date '2024-09-03', 'Quốc khánh (ngày liền kề sau 2/9)', 'HOLIDAY', 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'),
    -- 2025
    (date '2025-01-01', 'Tết Dương lịch', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2025-01-27', 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', 'HOLIDAY', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    (date '2025-01-28', 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)', 'HOLIDAY', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    (date '2025-01-29', 'Tết Nguyên đán Ất Tỵ (mùng 1 Tết)', 'HOLIDAY', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    (date '2025-01-30', 'Tết Nguyên đán Ất Tỵ (mùng 2 Tết)', 'HOLIDAY', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    (date '2025-01-31', 'Tết Nguyên đán Ất Tỵ (mùng 3 Tết)', 'HOLIDAY', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    (date '2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2025-04-26', 'Làm bù cho ngày nghỉ thứ Sáu 02/5/2025', 'WORKING_WEEKEND', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    (date '2025-04-30', 'Ngày Chiến thắng (30/4)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2025-05-01', 'Ngày Quốc tế Lao động (1/5)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2025-05-02', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4/2025)', 'HOLIDAY', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    (date '2025-09-01', 'Quốc khánh (ngày liền kề trước 2/9)', 'HOLIDAY', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    (date '2025-09-02', 'Quốc khánh (2/9)', 'HOLIDAY', 'Thông báo 6150/TB-LĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)'),
    -- 2026
    (date '2026-01-01', 'Tết Dương lịch', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'HOLIDAY', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025'),
    (date '2026-01-10', 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026', 'WORKING_WEEKEND', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025'),
    (date '2026-02-16', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', 'HOLIDAY', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-02-17', 'Tết Nguyên đán Bính Ngọ (mùng 1 Tết)', 'HOLIDAY', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-02-18', 'Tết Nguyên đán Bính Ngọ (mùng 2 Tết)', 'HOLIDAY', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-02-19', 'Tết Nguyên đán Bính Ngọ (mùng 3 Tết)', 'HOLIDAY', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-02-20', 'Tết Nguyên đán Bính Ngọ (mùng 4 Tết)', 'HOLIDAY', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'HOLIDAY', 'Khoản 3 Điều 111 Bộ luật Lao động 2019'),
    (date '2026-04-30', 'Ngày Chiến thắng (30/4)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2026-05-01', 'Ngày Quốc tế Lao động (1/5)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2026-08-22', 'Làm bù cho ngày nghỉ thứ Hai 31/8/2026', 'WORKING_WEEKEND', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-08-31', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)', 'HOLIDAY', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-09-01', 'Quốc khánh (ngày liền kề trước 2/9)', 'HOLIDAY', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    (date '2026-09-02', 'Quốc khánh (2/9)', 'HOLIDAY', 'Thông báo 9441/TB-BNV ngày 16/10/2025'),
    -- 2027
    (date '2027-01-01', 'Tết Dương lịch', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2027-02-04', 'Tết Nguyên đán Đinh Mùi (28 tháng Chạp)', 'HOLIDAY', 'theo Điều 112 Bộ luật Lao động 2019; chưa có thông báo chính thức'),
    (date '2027-02-05', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)', 'HOLIDAY', 'theo Điều 112 Bộ luật Lao động 2019; chưa có thông báo chính thức'),
    (date '2027-02-06', 'Tết Nguyên đán Đinh Mùi (mùng 1 Tết, thứ Bảy)', 'HOLIDAY', 'theo Điều 112 Bộ luật Lao động 2019; chưa có thông báo chính thức'),
    (date '2027-02-07', 'Tết Nguyên đán Đinh Mùi (mùng 2 Tết, Chủ nhật)', 'HOLIDAY', 'theo Điều 112 Bộ luật Lao động 2019; chưa có thông báo chính thức'),
    (date '2027-02-08', 'Tết Nguyên đán Đinh Mùi (mùng 3 Tết)', 'HOLIDAY', 'theo Điều 112 Bộ luật Lao động 2019; chưa có thông báo chính thức'),
    (date '2027-02-09', 'Nghỉ bù Tết Nguyên đán (mùng 4 Tết)', 'HOLIDAY', 'theo Điều 112 Bộ luật Lao động 2019; chưa có thông báo chính thức'),
    (date '2027-02-10', 'Nghỉ bù Tết Nguyên đán (mùng 5 Tết)', 'HOLIDAY', 'theo Điều 112 Bộ luật Lao động 2019; chưa có thông báo chính thức'),
    (date '2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2027-04-30', 'Ngày Chiến thắng (30/4)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2027-05-01', 'Ngày Quốc tế Lao động (1/5, thứ Bảy)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động', 'HOLIDAY', 'Khoản 3 Điều 111 Bộ luật Lao động 2019'),
    (date '2027-09-02', 'Quốc khánh (2/9)', 'HOLIDAY', 'Điều 112 Bộ luật Lao động 2019'),
    (date '2027-09-03', 'Quốc khánh (ngày liền kề sau 2/9)', 'HOLIDAY', 'theo Điều 112 Bộ luật Lao động 2019; chưa có thông báo chính thức');
