// Tasklist custom script: form-js date pickers read and show dates as written in England.
//
// form-js 1.8 (bundled in Tasklist 7.24) takes a date picker's format from the browser's locale:
// it asks new Intl.DateTimeFormat('default') for the order of day, month and year and hands that
// to flatpickr, so a browser set to US English shows and parses mm/dd/yyyy and "03/12/2026" typed
// by someone in England becomes 12 March. Here the 'default' locale that form-js asks for is
// British English, whatever the browser's setting: the picker shows and parses dd/mm/yyyy (its
// placeholder says so). Only the display changes: form-js still submits an ISO date (yyyy-mm-dd),
// and the server checks it (cases.FormValues). Any other use of Intl.DateTimeFormat is untouched.

const NativeDateTimeFormat = Intl.DateTimeFormat;

function EnglishDateTimeFormat(locales, options) {
  return new NativeDateTimeFormat(locales === 'default' ? 'en-GB' : locales, options);
}
EnglishDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
EnglishDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);

if (!NativeDateTimeFormat.csprEnglishDates) {
  EnglishDateTimeFormat.csprEnglishDates = true;
  Intl.DateTimeFormat = EnglishDateTimeFormat;
}
