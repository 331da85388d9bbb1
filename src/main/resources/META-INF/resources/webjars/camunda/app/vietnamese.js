// Loaded by every webapp through `customScripts` in its scripts/config.js.
//
// Camunda 7.24 chooses the language once, from the browser's first preferred language if it is in `availableLocales`,
// else `fallbackLocale`; that fallback is also where a key missing from vi.json is looked up. Officers' browsers are
// often set to English, so Vietnamese is made the language here whatever the browser says, and English stays the
// fallback for keys that a newer Camunda adds before vi.json has them.
const appName = document.querySelector('base').getAttribute('app-name');

// The app's `.custom` module exists by now and its config runs after the app's own (which sets the browser's choice).
const custom = window.angular.module(`cam.${appName}.custom`);

custom.config([
  '$translateProvider',
  function ($translateProvider) {
    $translateProvider.preferredLanguage('vi');
  }
]);

// Each locale file, once loaded, makes its own date locale moment.js's global one, and the English fallback loads
// after vi.json: without this the relative times ("3 phút trước") of Tasklist came out in English.
custom.run([
  '$rootScope',
  '$injector',
  function ($rootScope, $injector) {
    if (!$injector.has('amMoment')) {
      return;
    }
    const amMoment = $injector.get('amMoment');
    const vietnamese = () => amMoment.changeLocale('vi');
    $rootScope.$on('$translateLoadingEnd', vietnamese);
    vietnamese();
  }
]);
