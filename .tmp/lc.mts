console.error('start');
const m = await import('../test/unit/sql/corpus/corpus.ts');
console.error('imported');
console.log(m.loadCorpus().length);
