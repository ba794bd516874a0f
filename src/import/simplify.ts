/**
 * Traditional → simplified characters, for matching only: header labels, channel names, domains and
 * tick labels in traditional-script copies of catalogs. Imported text is never rewritten with it.
 * The table covers the characters of that vocabulary, not the language.
 */
const PAIRS =
  '開开項项級级內内據据時时體体載载對对會会眾众動动請请層层鎮镇鄉乡縣县號号網网務务紙纸質质現现場场區区業业單单欄栏電电準准傳传廣广視视報报閱阅點点聽听證证發发佈布兩两戶户檢检幫帮貧贫農农實实標标範范規规環环態态護护醫医衛卫療疗災灾險险劃划設设資资財财預预決决稅税徵征補补償偿綠绿興兴藥药監监執执綜综養养貼贴義义書书館馆圖图門门辦办總总結结處处罰罚許许與与國国條条關关於于進进見见議议擬拟員员機机構构統统計计構构權权責责職职級级屬属轄辖區区訊讯熱热線线聯联繫系話话碼码簡简稱称類类別别備备註注區区鄰邻裡里園园廳厅廠厂縣县轉转達达選选擇择達达際际務务處处溝沟負负庫库產产營营險险療疗藝艺術术護护濟济稅税質质價价費费準准廢废壓压嚴严礙碍災灾聲声態态訴诉頭头雙双應应並并為为與与從从們们個个來来東东業业樂乐亂乱豐丰臨临麗丽舉举義义烏乌喬乔習习鄉乡書书買买亂乱爭争於于虧亏雲云亞亚產产畝亩親亲臺台歷历錄录舊旧樣样採采購购評评審审紀纪檔档鑒鉴導导黨党禮礼觀观邊边這这還还團团夠够據据療疗隊队際际陽阳陰阴雜杂雞鸡難难響响頁页順顺須须領领頒颁題题顏颜類类顧顾風风飛飞飯饭館馆馬马駐驻驗验體体髮发鬥斗魚鱼鳥鸟鹽盐麥麦黃黄點点齊齐齡龄龍龙';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);

/** Which UTF-16 code units are traditional characters of the table (all of them are single code units). */
const TRADITIONAL = new Uint8Array(0x10000);
for (const ch of MAP.keys()) TRADITIONAL[ch.charCodeAt(0)] = 1;

/** The text with the known traditional characters replaced by their simplified forms. */
export function toSimplified(text: string): string {
  let i = 0;
  while (i < text.length && TRADITIONAL[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += TRADITIONAL[code] === 1 ? MAP.get(text[i]!)! : text[i]!;
  }
  return out;
}

/** Pinyin glosses that mirror sites insert after characters: 網(wǎng)站, 公開(kāi). */
export const PINYIN_GLOSS = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/gi;

/** A key to match a name by, whatever the script, glosses, width or spacing it is written in. */
export function matchKey(text: string): string {
  return toSimplified(text.replace(PINYIN_GLOSS, ''))
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '');
}
