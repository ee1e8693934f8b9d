// Where the wasm's bytes go: `twiggy top` on cargo's wasm built with names
// kept (before wasm-bindgen and wasm-opt), grouped for the README's table.
//   CARGO_PROFILE_RELEASE_STRIP=none tools/trunk.sh build --release
//   node tools/where_bytes.mjs target/wasm32-unknown-unknown/release/rekindle.wasm
// Each item counts once: for its module, under the first Rekindle module
// its name mentions (a generic instantiated for a page counts for the page);
// for its kind of code, as views if it names tachys or a Rekindle ui module
// (components and their closures; the store is not a view), else
// reactive_graph, serde, chrono, or data. The name section, the custom
// sections and wasm-bindgen's describe functions (never shipped) are left out.
import { execFileSync } from 'node:child_process';

const wasm = process.argv[2];
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
const items = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent
    const match = line.match(/^"?(.*?)"?,(\d+),[\d.]+,[^,]*,[^,]*$/);
    return match && { name: match[1].replaceAll('""', '"'), size: Number(match[2]) };
  })
  .filter(Boolean)
  .filter(({ name }) => !/^("function names" subsection|custom section|__wbindgen_describe|.*wasm_bindgen::describe)/.test(name));

const kb = (bytes) => (bytes / 1000).toFixed(0);
const total = items.reduce((sum, item) => sum + item.size, 0);
const kinds = new Map();
const modules = new Map();
const add = (map, key, size) => map.set(key, (map.get(key) ?? 0) + size);
for (const { name, size } of items) {
  const module = name.match(/rekindle(?:\[\w+\])?::((?:ui|domain|storage|content)::\w+)/)?.[1];
  if (module) add(modules, module, size);
  const kind = /tachys|component|::ui::/.test(name) && !/rekindle::ui::store/.test(name)
    ? 'views: any item of `tachys` or a component (all pages)'
    : /reactive_graph/.test(name)
      ? '`reactive_graph` outside views'
      : /serde/.test(name)
        ? 'anything naming serde (every record\'s reader and writer)'
        : /^data\[|rodata/.test(name)
          ? '`.rodata` (strings, tables, the built-in words)'
          : /chrono/.test(name)
            ? 'chrono'
            : 'everything else (std, the store, the domain, js glue)';
  add(kinds, kind, size);
}
console.log(`${wasm}: ${kb(total)} KB of code and data\n`);
console.log('| where | KB raw | share |\n| --- | ---: | ---: |');
for (const [kind, size] of [...kinds].sort((a, b) => b[1] - a[1])) {
  console.log(`| ${kind} | ${kb(size)} | ${Math.round((100 * size) / total)} % |`);
}
console.log('\nby module (KB raw):');
for (const [module, size] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
  console.log(`  ${module.padEnd(28)} ${kb(size).padStart(5)}`);
}
console.log('\nlargest items (KB raw):');
for (const { name, size } of items.sort((a, b) => b.size - a.size).slice(0, 8)) {
  console.log(`  ${kb(size).padStart(4)}  ${name.slice(0, 110)}`);
}
