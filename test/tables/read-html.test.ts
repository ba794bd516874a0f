import { describe, expect, it } from 'vitest';
import { cellAt, type Grid, type GridCell } from '../../src/tables/grid.js';
import { declaredCharset, readHtml } from '../../src/tables/read-html.js';

/** Each row as texts, with `^` for a position covered by a merged cell. */
function texts(grid: Grid): string[][] {
  return grid.rows.map((row) => row.map((slot) => (slot.kind === 'cell' ? slot.text : '^')));
}

function spans(grid: Grid): string[] {
  return grid.rows.flatMap((row) =>
    row
      .filter((s): s is GridCell => s.kind === 'cell' && (s.rowSpan > 1 || s.colSpan > 1))
      .map((s) => `${s.ref} ${s.rowSpan}x${s.colSpan}`),
  );
}

function grids(html: string): Grid[] {
  const result = readHtml(html, 'page.html');
  expect(result.format).toBe('html');
  return result.grids;
}

/** The only grid of a page. */
function only(html: string): Grid {
  const all = grids(html);
  expect(all).toHaveLength(1);
  return all[0]!;
}

const cellText = (td: string) => texts(only(`<table><tr><td>${td}</td></tr></table>`))[0]![0];

describe('readHtml: table model', () => {
  it('places the canonical header with rowspan and colspan', () => {
    const grid = only(`
      <table border="1">
        <tr><th rowspan="2">序号</th><th colspan="2">公开事项</th><th rowspan="2">公开依据</th><th colspan="2">公开对象</th></tr>
        <tr><th>一级事项</th><th>二级事项</th><th>全社会</th><th>特定群体</th></tr>
        <tr><td>1</td><td rowspan="2">安全生产</td><td>法规政策</td><td>《安 全生产法》</td><td>√</td><td></td></tr>
        <tr><td>2</td><td>行政许可</td><td>同上</td><td></td><td>√</td></tr>
      </table>`);
    expect(texts(grid)).toEqual([
      ['序号', '公开事项', '^', '公开依据', '公开对象', '^'],
      ['^', '一级事项', '二级事项', '^', '全社会', '特定群体'],
      ['1', '安全生产', '法规政策', '《安 全生产法》', '√', ''],
      ['2', '^', '行政许可', '同上', '', '√'],
    ]);
    expect(spans(grid)).toEqual([
      '表1 第1行第1列 2x1',
      '表1 第1行第2列 1x2',
      '表1 第1行第4列 2x1',
      '表1 第1行第5列 1x2',
      '表1 第3行第2列 2x1',
    ]);
    expect(grid.rows[3]![1]).toEqual({ kind: 'covered', row: 2, col: 1 });
    expect(grid.name).toBe('表1');
    expect(cellAt(grid, 3, 5)!.ref).toBe('表1 第4行第6列');
  });

  it('pads ragged rows with empty cells that have refs', () => {
    const grid = only('<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>');
    expect(texts(grid)).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
    expect(grid.rows[1]![2]).toEqual({ kind: 'cell', text: '', rowSpan: 1, colSpan: 1, ref: '表1 第2行第3列' });
  });

  it('clamps absurd spans, honours rowspan=0 within its row group and never overlaps cells', () => {
    const grid = only(`<table>
      <thead><tr><td colspan="5000">标题</td></tr></thead>
      <tbody>
        <tr><td rowspan="0">甲</td><td rowspan="99">乙</td><td colspan="0">丙</td></tr>
        <tr><td colspan="3">丁</td></tr>
        <tr><td>戊</td></tr>
      </tbody>
      <tfoot><tr><td>己</td><td>庚</td><td>辛</td><td>壬</td></tr></tfoot>
    </table>`);
    expect(texts(grid)).toEqual([
      ['标题', '^', '^', '^'],
      ['甲', '乙', '丙', ''],
      ['^', '^', '丁', '^'],
      ['^', '^', '戊', ''],
      ['己', '庚', '辛', '壬'],
    ]);
    expect(spans(grid)).toEqual([
      '表1 第1行第1列 1x4',
      '表1 第2行第1列 3x1',
      '表1 第2行第2列 3x1',
      '表1 第3行第3列 1x2',
    ]);
  });

  it('stops a colspan at a cell spanning down from above', () => {
    const grid = only(
      '<table><tr><td>a</td><td rowspan="2">b</td><td>c</td></tr><tr><td colspan="3">d</td><td>e</td></tr></table>',
    );
    expect(texts(grid)).toEqual([
      ['a', 'b', 'c'],
      ['d', '^', 'e'],
    ]);
  });

  it('drops trailing rows of empty cells, as Word writes for column widths', () => {
    const grid = only(`<table><tr><td colspan="2">a</td><td>b</td></tr>
      <![if !supportMisalignedColumns]><tr height=0><td width=38 style='border:none'></td><td width=40 style='border:none'></td><td width=50 style='border:none'></td></tr><![endif]>
    </table>`);
    expect(texts(grid)).toEqual([['a', '^', 'b']]);
  });

  it('skips rows and cells hidden with display:none, and skips empty tables without numbering them', () => {
    const all = grids(`
      <table><tr><td>&nbsp;</td><td><img src="x.gif"></td></tr></table>
      <table>
        <tr><td>a</td><td style="display: none">hidden</td><td>b</td></tr>
        <tr style="display:none"><td>gone</td></tr>
        <tr hidden><td>also gone</td></tr>
        <tr><td>c</td><td>d</td></tr>
      </table>`);
    expect(all).toHaveLength(1);
    expect(all[0]!.name).toBe('表1');
    expect(texts(all[0]!)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('readHtml: cell text as a browser shows it', () => {
  it('collapses markup whitespace to one space and drops it at line ends', () => {
    expect(cellText('\n      公开  内容\n\t matters  \n    ')).toBe('公开 内容 matters');
    // A line break of the markup between Chinese characters goes entirely (see the next test).
    expect(cellText('\n      公开  内容\n\t 要素  \n    ')).toBe('公开 内容要素');
    expect(cellText('<span>主动</span> <span> 公开</span>')).toBe('主动 公开');
  });

  it('keeps spaces typed inside words, full-width characters, nbsp and ideographic spaces', () => {
    expect(cellText('《安 全生产法》')).toBe('《安 全生产法》');
    expect(cellText('信息形成或 者变更之日起20 个工作日内')).toBe('信息形成或 者变更之日起20 个工作日内');
    expect(cellText('（一）政策文件：〔2016〕80号')).toBe('（一）政策文件：〔2016〕80号');
    expect(cellText('&nbsp;县级&nbsp;&nbsp;')).toBe('\u00a0县级\u00a0\u00a0');
    expect(cellText('\u3000\u3000乡级')).toBe('\u3000\u3000乡级');
  });

  it('removes a markup line break between Chinese characters but not between Latin words', () => {
    expect(cellText('安全生\n产法')).toBe('安全生产法');
    expect(cellText('安全生\r\n   产法')).toBe('安全生产法');
    expect(cellText('《中华人民共和国<span lang=EN-US>\n</span>安全生产法》')).toBe('《中华人民共和国安全生产法》');
    expect(cellText('Government\nwebsite')).toBe('Government website');
    expect(cellText('2024\n年')).toBe('2024 年');
  });

  it('turns <br> and block elements into line breaks', () => {
    expect(cellText('■政府网站<br>□政务新媒体<BR/>□公开栏')).toBe('■政府网站\n□政务新媒体\n□公开栏');
    expect(cellText('<p>第一段</p><p>第二段</p>')).toBe('第一段\n第二段');
    expect(cellText('前<div>中</div>后')).toBe('前\n中\n后');
    expect(cellText('一<br>')).toBe('一');
    expect(cellText('一<br><br>')).toBe('一\n');
    expect(cellText('一<br><br>二')).toBe('一\n\n二');
    expect(cellText('<p>一</p><p></p><p>二</p>')).toBe('一\n二');
    expect(cellText('<pre>  a\n  b</pre>')).toBe('  a\n  b');
  });

  it('decodes entities and ignores scripts, styles and comments', () => {
    expect(cellText('A&amp;B &lt;条例&gt; &quot;x&quot; &#x516C;&#24320;')).toBe('A&B <条例> "x" 公开');
    expect(cellText('<script>var a = 1;</script><style>td{}</style><!-- 注释 -->正文')).toBe('正文');
  });
});

describe('readHtml: layout, titles and Word pages', () => {
  it('takes the innermost tables of a layout table and the titles before them', () => {
    const all = grids(`<!DOCTYPE html><html><head><title>页面标题</title></head><body>
      <div class="nav">首页 &gt; 政务公开</div>
      <table width="100%"><tr>
        <td><table><tr><td>网站首页</td><td>信息公开</td></tr></table></td>
        <td>
          <h2>  （三）安全生产领域基层政务公开标准目录 </h2>
          <p>填报单位：某某乡人民政府<br>填报时间：2024年8月29日</p>
          <p>&nbsp;</p>
          <table><caption>表 1 目录</caption><tr><td>序号</td><td>公开事项</td></tr><tr><td>1</td><td>法规政策</td></tr></table>
          <p>（四）生态环境领域</p>
          <table><tr><td>序号</td></tr></table>
          <p>末尾的文字</p>
        </td>
      </tr></table>
    </body></html>`);
    expect(all.map((g) => g.name)).toEqual(['表1', '表2', '表3']);
    expect(texts(all[0]!)).toEqual([['网站首页', '信息公开']]);
    expect(all[0]!.before).toEqual(['首页 > 政务公开']);
    expect(texts(all[1]!)).toEqual([
      ['序号', '公开事项'],
      ['1', '法规政策'],
    ]);
    expect(all[1]!.before).toEqual([
      '表 1 目录',
      '（三）安全生产领域基层政务公开标准目录',
      '填报单位：某某乡人民政府\n填报时间：2024年8月29日',
    ]);
    expect(all[2]!.before).toEqual(['（四）生态环境领域']);
    expect(cellAt(all[2]!, 0, 0)!.ref).toBe('表3 第1行第1列');
  });

  it('numbers the tables a reader sees: none in a hidden block, a template or an empty table, each once', () => {
    const all = grids(`<body>
      <table><tr><td>一</td></tr></table>
      <div style="display:none"><table><tr><td>藏起来的</td></tr></table></div>
      <template><table><tr><td>模板里的</td></tr></table></template>
      <table><tr><td></td></tr></table>
      <table><tr><td><table><tr><td>二</td></tr></table></td><td><table><tr><td>三</td></tr></table></td></tr></table>
      <table><tr><td>四</td></tr><tr><td><b>加粗</b></td></tr></table>
    </body>`);
    expect(all.map((g) => `${g.name} ${texts(g).flat().join(',')}`)).toEqual([
      '表1 一',
      '表2 二',
      '表3 三',
      '表4 四,加粗',
    ]);
    expect(cellAt(all[3]!, 1, 0)!.ref).toBe('表4 第2行第1列');
  });

  it('reads a table exported by Word as a web page', () => {
    const grid = only(WORD_PAGE);
    expect(texts(grid)).toEqual([
      ['序号', '公开事项', '^', '公开依据'],
      ['^', '一级事项', '二级事项', '^'],
      ['1', '安全生产', '法规政策', '《中华人民共和国安全生产法》\n《安 全生产许可证条例》'],
      ['2', '^', '行政许可', '\u00a0'],
    ]);
    expect(grid.before).toEqual(['（三）安全生产领域基层政务公开标准目录', '1.\u00a0\u00a0\u00a0 适用范围']);
  });

  it('finds the charset a page declares', () => {
    expect(declaredCharset(new TextEncoder().encode(WORD_PAGE))).toBe('gb2312');
    expect(declaredCharset(new TextEncoder().encode('<html><head><meta charset="utf-8"></head></html>'))).toBe('utf-8');
    expect(declaredCharset(new TextEncoder().encode('<html><body>no meta</body></html>'))).toBeUndefined();
  });
});

// The shape of Word's "save as web page" output: namespaces, mso styles, conditional comments,
// <o:p>, spans with lang, and long lines wrapped inside Chinese text.
const WORD_PAGE = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<!--[if gte mso 9]><xml>
 <w:WordDocument><w:View>Print</w:View></w:WordDocument>
</xml><![endif]-->
<style>
<!--
 p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:16.0pt;font-family:方正小标宋简体'>（三）安全生产领域基层政务公开标准目录<span
lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US style='mso-fareast-font-family:"Times New Roman"'><span style='mso-list:Ignore'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
style='font-family:宋体'>适用范围<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=38 rowspan=2 valign=top style='width:28.4pt;border:solid windowtext 1.0pt;
  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span style='font-family:宋体'>序号<span lang=EN-US><o:p></o:p></span></span></p>
  </td>
  <td width=200 colspan=2 valign=top style='width:150pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>公开事项</span><span
  lang=EN-US><o:p></o:p></span></p>
  </td>
  <td width=120 rowspan=2 valign=top style='width:90pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>公开依据</span></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=100 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>一级事项</span></p>
  </td>
  <td width=100 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>二级事项</span></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:2'>
  <td width=38 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span lang=EN-US>1<o:p></o:p></span></p>
  </td>
  <td width=100 rowspan=2 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>安全生产</span></p>
  </td>
  <td width=100 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>法规政策</span></p>
  </td>
  <td width=120 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>《中华人民共和国安全
  生产法》<span lang=EN-US><o:p></o:p></span></span></p>
  <p class=MsoNormal><span style='font-family:宋体'>《安 全生产许可证条例》</span></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:3;mso-yfti-lastrow:yes'>
  <td width=38 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span lang=EN-US>2<o:p></o:p></span></p>
  </td>
  <td width=100 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:宋体'>行政许可</span></p>
  </td>
  <td width=120 valign=top style='border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
  </td>
 </tr>
 <![if !supportMisalignedColumns]>
 <tr height=0>
  <td width=38 style='border:none'></td>
  <td width=100 style='border:none'></td>
  <td width=100 style='border:none'></td>
  <td width=120 style='border:none'></td>
 </tr>
 <![endif]>
</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div>
</body>
</html>
`;
