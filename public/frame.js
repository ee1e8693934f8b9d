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
  // slug: [heading, tab, lede]
  const routes = {
    today: ['Today', 'today', 'Small, deliberate ways of seeing each other.'],
    journal: [
      'Journal',
      'journal',
      'Private to you and this device. Write what you noticed, felt or have not said yet.',
    ],
    dates: ['Dates', 'dates', 'Something new together, rather than dinner on autopilot.'],
    talk: ['Talk', 'talk', 'Tools for talking, listening, and fighting kindly.'],
    'check-in': ['Check-in', 'talk'],
    progress: [
      'Progress',
      'progress',
      'Your weeks together: in words first, then in charts. Nothing here is a streak or a score.',
    ],
    partner: [
      'Two phones',
      'progress',
      "Keep each other's appreciations, check-ins, plans and time-outs in step: send a code, open theirs. Nothing goes through a server; a code opens only on your two phones.",
    ],
    settings: ['Settings', 'progress'],
    welcome: [
      'Welcome to Rekindle',
      null,
      'Closeness often fades when two people stop really seeing each other. Rekindle turns noticing into small habits: a specific thank-you each day, a touch, and one honest talk a week.',
    ],
  };
  const tools = {
    questions: 'Question decks',
    listening: 'Listening practice',
    'time-out': 'Time-out',
    complaint: 'Complaint → request',
    help: 'When it feels impossible',
  };

  // Storage can be refused outright (cookies blocked): then nothing is kept,
  // as on a first visit, and the app itself says why once it mounts.
  let keys = [];
  try {
    keys = Object.keys(localStorage);
  } catch {}
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
  const [heading, tab, ledeText] = routes[slug] || routes.today;
  const h1 = main.querySelector('h1');
  const inTool = slug === 'talk' && tools[tool];
  h1.textContent = inTool || heading;
  // The lede is most of a first paint's words (and on the welcome, its
  // largest): painting it here means the largest paint comes with the HTML.
  const lede = document.createElement('p');
  lede.className = 'lede';
  lede.textContent = ledeText;
  if (ledeText && !inTool) h1.after(lede);

  const current = document.querySelector(`[data-frame] .nav-link[href="#/${tab}"]`);
  if (current) current.setAttribute('aria-current', 'page');

  if (slug === 'welcome') {
    const page = main.querySelector('.page');
    page.className = 'page welcome';
    page.replaceChildren(document.getElementById('frame-art').content.cloneNode(true), h1, lede);
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
