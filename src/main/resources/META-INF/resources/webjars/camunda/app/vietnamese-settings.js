// What every webapp's scripts/config.js shares (Camunda loads each as an ES module, so they import this one):
// Vietnamese for every officer, English only for a label vi.json lacks (./vietnamese.js makes Vietnamese the language
// whatever the browser's), and Vietnamese dates (dd/MM/yyyy, 24-hour).
export const locales = {
  availableLocales: ['vi', 'en'],
  fallbackLocale: 'en'
};

export const dateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD/MM/YYYY HH:mm',
  normal: 'DD/MM/YYYY HH:mm',
  long: 'dddd, DD/MM/YYYY HH:mm',
  short: 'DD/MM/YYYY'
};
