// Vietnamese validation messages for the Camunda Forms (form-js) of Tasklist, loaded through `customScripts`.
//
// Tasklist 7.24 creates its form-js viewer with no modules of ours (`new Form({ container })`) and form-js writes its
// messages in English in its validator, with no translation hook. Short of patching Camunda's bundle, the messages
// are rewritten where form-js shows them, under each field; the wording follows the server's (common/InputCheck).
const MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must have minimum value of (.+)\.$/, (min) => (min === '0' ? 'Giá trị không được nhỏ hơn 0.' : `Giá trị phải từ ${min} trở lên.`)],
  [/^Field must have maximum value of (.+)\.$/, (max) => `Giá trị không được lớn hơn ${max}.`],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `Phải có ít nhất ${n} ký tự.`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `Trường này dài quá ${n} ký tự.`],
  [/^Field must match pattern (.+)\.$/, (pattern) => `Giá trị không đúng định dạng quy định (${pattern}).`],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ email không hợp lệ.'],
  [/^Field must be a valid +international phone number\./, () => 'Số điện thoại không hợp lệ (số quốc tế, ví dụ +84912345678).'],
  [/^Value is not a number\.$/, () => 'Giá trị không phải là số.'],
  [/^Value is expected to be an integer\.$/, () => 'Giá trị phải là số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (n) => `Giá trị chỉ được có tối đa ${n} chữ số thập phân.`],
  [
    /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ${a} và ${b}.`
  ]
];

function translate(text) {
  for (const [english, vietnamese] of MESSAGES) {
    const match = english.exec(text);
    if (match) {
      return vietnamese(...match.slice(1));
    }
  }
  return null;
}

function translateWithin(node) {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (!element || !element.closest) {
    return;
  }
  const errors = element.closest('.fjs-form-field-error') ? [element] : element.querySelectorAll('.fjs-form-field-error');
  errors.forEach((error) => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const vietnamese = translate(text.data.trim());
      if (vietnamese) {
        // Only the text node's data changes, so form-js (Preact) keeps its own elements and re-renders over it.
        text.data = vietnamese;
      }
    }
  });
}

new MutationObserver((mutations) => {
  mutations.forEach((mutation) => {
    if (mutation.type === 'characterData') {
      translateWithin(mutation.target);
    } else {
      mutation.addedNodes.forEach(translateWithin);
    }
  });
}).observe(document.body, { childList: true, subtree: true, characterData: true });
