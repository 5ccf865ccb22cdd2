/**
 * Japanese, Korean and Russian names of dateline cities, as Kyodo (`【ワシントン共同】`), Yonhap (`(서울=연합뉴스)`)
 * and TASS (`МОСКВА, 27 ноября. /ТАСС/.`) print them → the gazetteer's English name, with the country where the
 * English name alone would be ambiguous. The gazetteer (city-timezones) has English names only, so a lead
 * naming a city these tables know gives the English name (`ワシントン` → `Washington`); one they lack keeps
 * the name as printed and gets the warning asking for the zone, as any unknown city does. These are the
 * capitals and the cities the three agencies' leads name most; Russian names in capitals, as TASS prints them.
 */

const JAPANESE = `
東京 Tokyo|大阪 Osaka|名古屋 Nagoya|札幌 Sapporo|福岡 Fukuoka|那覇 Naha|京都 Kyoto|神戸 Kobe|横浜 Yokohama|広島 Hiroshima
仙台 Sendai|長崎 Nagasaki|新潟 Niigata|金沢 Kanazawa|ワシントン Washington|ニューヨーク New York|国連本部 United Nations
ロサンゼルス Los Angeles|サンフランシスコ San Francisco|シカゴ Chicago|ホノルル Honolulu|オタワ Ottawa|メキシコ市 Mexico City
サンパウロ Sao Paulo|リオデジャネイロ Rio de Janeiro|ブエノスアイレス Buenos Aires|北京 Beijing|上海 Shanghai|広州 Guangzhou
大連 Dalian|瀋陽 Shenyang|香港 Hong Kong|台北 Taipei|ソウル Seoul|釜山 Busan|平壌 Pyongyang|ウランバートル Ulaanbaatar
モスクワ Moscow|ウラジオストク Vladivostok|ロンドン London|パリ Paris|ベルリン Berlin|ブリュッセル Brussels|ジュネーブ Geneva
ウィーン Vienna|ローマ Rome|マドリード Madrid|ワルシャワ Warsaw|ストックホルム Stockholm|キーウ Kyiv|キエフ Kyiv
バンコク Bangkok|シンガポール Singapore|ジャカルタ Jakarta|マニラ Manila|ハノイ Hanoi|ホーチミン Ho Chi Minh City
クアラルンプール Kuala Lumpur|ヤンゴン Rangoon|プノンペン Phnom Penh|ビエンチャン Vientiane|ニューデリー New Delhi
イスラマバード Islamabad|カブール Kabul|シドニー Sydney|キャンベラ Canberra|カイロ Cairo|エルサレム Jerusalem
テヘラン Tehran|ドバイ Dubai|イスタンブール Istanbul|アンカラ Ankara|バグダッド Baghdad|ベイルート Beirut|ナイロビ Nairobi
ヨハネスブルク Johannesburg
`;

const KOREAN = `
서울 Seoul|부산 Busan|인천 Incheon|대구 Daegu|광주 Gwangju/South Korea|대전 Daejeon|울산 Ulsan|수원 Suwon|제주 Jeju
창원 Changwon|전주 Jeonju|청주 Cheongju|춘천 Chuncheon|평양 Pyongyang|워싱턴 Washington|뉴욕 New York|유엔 United Nations
로스앤젤레스 Los Angeles|샌프란시스코 San Francisco|시카고 Chicago|오타와 Ottawa|베이징 Beijing|상하이 Shanghai|홍콩 Hong Kong
타이베이 Taipei|도쿄 Tokyo|오사카 Osaka|모스크바 Moscow|블라디보스토크 Vladivostok|런던 London|파리 Paris|베를린 Berlin
브뤼셀 Brussels|제네바 Geneva|빈 Vienna|로마 Rome|키이우 Kyiv|방콕 Bangkok|싱가포르 Singapore|자카르타 Jakarta|마닐라 Manila
하노이 Hanoi|호찌민 Ho Chi Minh City|뉴델리 New Delhi|시드니 Sydney|카이로 Cairo|예루살렘 Jerusalem|테헤란 Tehran
두바이 Dubai|이스탄불 Istanbul
`;

const RUSSIAN = `
МОСКВА Moscow|САНКТ-ПЕТЕРБУРГ St. Petersburg/Russia|НОВОСИБИРСК Novosibirsk|ЕКАТЕРИНБУРГ Yekaterinburg|КАЗАНЬ Kazan
НИЖНИЙ НОВГОРОД Nizhny Novgorod|САМАРА Samara|РОСТОВ-НА-ДОНУ Rostov/Russia|КРАСНОДАР Krasnodar|СОЧИ Sochi
ВЛАДИВОСТОК Vladivostok|ХАБАРОВСК Khabarovsk|КАЛИНИНГРАД Kaliningrad|МУРМАНСК Murmansk|ИРКУТСК Irkutsk
КИЕВ Kyiv|МИНСК Minsk|АСТАНА Astana|АЛМА-АТА Almaty|АЛМАТЫ Almaty|ТАШКЕНТ Tashkent|БИШКЕК Bishkek|ДУШАНБЕ Dushanbe
БАКУ Baku|ЕРЕВАН Yerevan|ТБИЛИСИ Tbilisi|КИШИНЕВ Chisinau|РИГА Riga|ВИЛЬНЮС Vilnius|ТАЛЛИН Tallinn
ВАШИНГТОН Washington|НЬЮ-ЙОРК New York|ООН United Nations|ОТТАВА Ottawa|ЛОНДОН London|ПАРИЖ Paris|БЕРЛИН Berlin
БРЮССЕЛЬ Brussels|ЖЕНЕВА Geneva|ВЕНА Vienna|РИМ Rome|МАДРИД Madrid|ВАРШАВА Warsaw|ПРАГА Prague|БУДАПЕШТ Budapest
БЕЛГРАД Belgrade|АФИНЫ Athens|СТОКГОЛЬМ Stockholm|ХЕЛЬСИНКИ Helsinki|ПЕКИН Beijing|ШАНХАЙ Shanghai|ТОКИО Tokyo
СЕУЛ Seoul|ПХЕНЬЯН Pyongyang|НЬЮ-ДЕЛИ New Delhi|ТЕГЕРАН Tehran|АНКАРА Ankara|СТАМБУЛ Istanbul|КАИР Cairo
ИЕРУСАЛИМ Jerusalem|ТЕЛЬ-АВИВ Tel Aviv|ДАМАСК Damascus|БЕЙРУТ Beirut|ДОХА Doha|ДУБАЙ Dubai|ЭР-РИЯД Riyadh
ХАНОЙ Hanoi|БАНГКОК Bangkok|СИНГАПУР Singapore|ДЖАКАРТА Jakarta|БРАЗИЛИА Brasilia|ГАВАНА Havana|КАРАКАС Caracas
`;

const entries = (table: string): [string, readonly [string, string | undefined]][] =>
  table.split(/[|\n]/).map((s) => s.trim()).filter(Boolean).map((entry) => {
    // (The name may have a space in it, `НИЖНИЙ НОВГОРОД`: the English name starts at the first Latin letter.)
    const at = entry.search(/ [A-Z]/);
    const [english, country] = entry.slice(at + 1).split('/');
    return [entry.slice(0, at), [english ?? '', country]] as const;
  });

/** Japanese name (katakana, or kanji as Japan writes them: 東京, 広州) → [English name, country or undefined]. */
export const JA_CITIES: ReadonlyMap<string, readonly [string, string | undefined]> = new Map(entries(JAPANESE));
/** Korean name (Hangul) → [English name, country or undefined]. */
export const KO_CITIES: ReadonlyMap<string, readonly [string, string | undefined]> = new Map(entries(KOREAN));
/** Russian name in capitals (`МОСКВА`; Ё as Е) → [English name, country or undefined]. */
export const RU_CITIES: ReadonlyMap<string, readonly [string, string | undefined]> = new Map(entries(RUSSIAN));
