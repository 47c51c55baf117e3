// Ask for the Noto Sans SC pieces (split by unicode-range) that this page's text needs, placeholders included,
// so that Chinese in every element, headings too, is drawn in the vendored font on a machine without CJK fonts.
(() => {
  if (!document.fonts) return;
  const text = document.body.innerText + [...document.querySelectorAll("[placeholder]")].map(e => e.placeholder).join("");
  for (const weight of ["400", "700"]) document.fonts.load(`${weight} 16px "Noto Sans SC"`, text).catch(() => []);
})();
