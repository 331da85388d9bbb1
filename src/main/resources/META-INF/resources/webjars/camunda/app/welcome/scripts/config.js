// Replaces the Welcome application's default configuration (all of it commented out in Camunda 7.24) to link the
// application's own pages, so that users who open the application's address find them beside Tasklist, and to speak
// Vietnamese like the other webapps (English only for a label vi.json lacks; see ../../vietnamese.js).
import { locales, dateFormat } from '../../vietnamese-settings.js';

export default {
  locales,
  dateFormat,
  customScripts: ['../vietnamese'],
  links: [
    {
      label: 'Báo cáo kết nạp đoàn viên ưu tú',
      href: '/dashboard/',
      description: 'Đề cử, giới thiệu và kết nạp so với chỉ tiêu theo đơn vị và năm; tải báo cáo Excel.'
    },
    {
      label: 'Chỉ tiêu giới thiệu (quản trị)',
      href: '/dashboard/quotas.html',
      description: 'Đặt chỉ tiêu giới thiệu đoàn viên ưu tú của từng đơn vị Đoàn trong năm.'
    }
  ]
};
