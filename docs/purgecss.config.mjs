// PurgeCSS's options for docs/_ext/purge_css.py (which passes the stylesheets and the pages).
export default {
  safelist: {
    // Bootstrap's scripts build these class names from pieces (bs-tooltip-auto, ...)
    greedy: [/^bs-/],
  },
};
