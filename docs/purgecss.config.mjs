// PurgeCSS's options for docs/_ext/purge_css.py (which passes the stylesheets and the pages).
export default {
  safelist: {
    // Bootstrap's scripts build these class names from pieces (bs-tooltip-auto, ...), and the
    // data-bs-popper attribute they set on an open menu: without its rules the theme
    // switcher's menu opened past the window's right edge
    greedy: [/^bs-/, /^data-bs-popper$/],
  },
};
