const [command] = process.argv.slice(2);
if (command !== 'build') {
  console.error('Usage: kb-elements build <content-dir> --out <dir> [--split] [--strict] [--watch]');
  process.exit(2);
}
