// Names the page in index.html's frame before the app's code arrives, so a
// first visit paints the app's own navigation and heading, not a blank
// screen. It mirrors src/ui/route.rs (titles, tabs, section links) and
// src/ui/talk/mod.rs (tool titles); tests/browser/frame.test.mjs checks
// every route against the mounted app, so the two cannot drift apart.
(() => {
  const groups = {
    talk: ['Talk', [['talk', 'Talk'], ['check-in', 'Check-in']]],
    progress: ['Us', [['progress', 'Progress'], ['partner', 'Two phones'], ['settings', 'Settings']]],
  };
  // slug: [heading, tab]
  const routes = {
    today: ['Today', 'today'],
    journal: ['Journal', 'journal'],
    dates: ['Dates', 'dates'],
    talk: ['Talk', 'talk'],
    'check-in': ['Check-in', 'talk'],
    progress: ['Progress', 'progress'],
    partner: ['Two phones', 'progress'],
    settings: ['Settings', 'progress'],
    welcome: ['Welcome to Rekindle', null],
  };
  const tools = {
    questions: 'Question decks',
    listening: 'Listening practice',
    'time-out': 'Time-out',
    complaint: 'Complaint → request',
    help: 'When it feels impossible',
  };

  const keys = Object.keys(localStorage);
  const main = document.querySelector('[data-frame] .main');
  if (keys.includes('rekindle/lock')) {
    // A locked store opens to the lock screen alone, outside the shell.
    main.className = 'lock-screen';
    main.setAttribute('data-frame', '');
    main.innerHTML = '<form class="card"><h1 tabindex="-1">Rekindle is locked</h1></form>';
    document.querySelector('.skip-link[data-frame]').remove();
    document.querySelector('.shell[data-frame]').replaceWith(main);
    return;
  }

  const path = location.hash.replace(/^#\/?/, '');
  let [slug, tool] = path.split(/[/?]/);
  if (path.startsWith('rk1.')) slug = 'partner';
  // The app's address with nothing kept yet opens the welcome.
  const fresh = !keys.some((key) => key.startsWith('rekindle/') && key !== 'rekindle/schema');
  if (!slug && fresh) slug = 'welcome';
  const [heading, tab] = routes[slug] || routes.today;
  const h1 = main.querySelector('h1');
  h1.textContent = (slug === 'talk' && tools[tool]) || heading;

  const current = document.querySelector(`[data-frame] .nav-link[href="#/${tab}"]`);
  if (current) current.setAttribute('aria-current', 'page');

  if (slug === 'welcome') {
    const page = main.querySelector('.page');
    page.className = 'page welcome';
    page.replaceChildren(document.getElementById('frame-art').content.cloneNode(true), h1);
  } else if (groups[tab]) {
    const [label, links] = groups[tab];
    const nav = document.createElement('nav');
    nav.className = 'subnav';
    nav.setAttribute('aria-label', label);
    const list = nav.appendChild(document.createElement('ul'));
    for (const [to, text] of links) {
      const link = list.appendChild(document.createElement('li')).appendChild(document.createElement('a'));
      link.className = 'subnav-link';
      link.href = `#/${to}`;
      link.textContent = text;
      if (to === (routes[slug] ? slug : tab)) link.setAttribute('aria-current', 'page');
    }
    main.insertBefore(nav, main.querySelector('.page'));
  }
})();
