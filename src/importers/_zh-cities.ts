/**
 * Chinese names of dateline cities (`新华社华盛顿2月4日电`, `本报北京电`) → the gazetteer's English name,
 * with the country where the English name alone would be ambiguous. The gazetteer (city-timezones) has
 * English names only. These are the capitals, the Chinese provincial capitals and the other cities that
 * Chinese wire and newspaper datelines name most; a name not here is reported as not in the gazetteer,
 * as before, and the desk gives the zone. Each is known in traditional characters too (`倫敦`, `東京`,
 * `華盛頓`: `traditionalCity`).
 */
import { traditionalCity } from './_zh-script.js';

const CITIES = `
北京 Beijing|上海 Shanghai|天津 Tianjin|重庆 Chongqing|石家庄 Shijiazhuang|太原 Taiyuan|呼和浩特 Hohhot|沈阳 Shenyang
大连 Dalian|长春 Changchun|哈尔滨 Harbin|南京 Nanjing|杭州 Hangzhou|宁波 Ningbo|合肥 Hefei|福州 Fuzhou|厦门 Xiamen
南昌 Nanchang|济南 Jinan|青岛 Qingdao|郑州 Zhengzhou|武汉 Wuhan|长沙 Changsha|广州 Guangzhou|深圳 Shenzhen|南宁 Nanning
海口 Haikou|三亚 Sanya|成都 Chengdu|贵阳 Guiyang|昆明 Kunming|拉萨 Lhasa|西安 Xi'an|兰州 Lanzhou|西宁 Xining
银川 Yinchuan|乌鲁木齐 Urumqi|苏州 Suzhou|无锡 Wuxi|温州 Wenzhou|香港 Hong Kong|澳门 Macau|台北 Taipei|高雄 Kaohsiung
华盛顿 Washington|纽约 New York|联合国 New York|洛杉矶 Los Angeles|旧金山 San Francisco|芝加哥 Chicago|休斯敦 Houston
波士顿 Boston|西雅图 Seattle|亚特兰大 Atlanta|迈阿密 Miami|费城 Philadelphia|底特律 Detroit|拉斯维加斯 Las Vegas
檀香山 Honolulu|火奴鲁鲁 Honolulu|渥太华 Ottawa|多伦多 Toronto|蒙特利尔 Montreal|温哥华 Vancouver/Canada|墨西哥城 Mexico City
哈瓦那 Havana|巴拿马城 Panama City/Panama|波哥大 Bogota|加拉加斯 Caracas|利马 Lima|基多 Quito|拉巴斯 La Paz/Bolivia
圣地亚哥 Santiago/Chile|布宜诺斯艾利斯 Buenos Aires|蒙得维的亚 Montevideo|巴西利亚 Brasilia|圣保罗 Sao Paulo
里约热内卢 Rio de Janeiro|伦敦 London|巴黎 Paris|柏林 Berlin|波恩 Bonn|法兰克福 Frankfurt|慕尼黑 Munich|汉堡 Hamburg
罗马 Rome|米兰 Milan|梵蒂冈 Vatican City|马德里 Madrid|巴塞罗那 Barcelona/Spain|里斯本 Lisbon|布鲁塞尔 Brussels
阿姆斯特丹 Amsterdam|海牙 The Hague|卢森堡 Luxembourg|日内瓦 Geneva|伯尔尼 Bern|苏黎世 Zurich|维也纳 Vienna
斯特拉斯堡 Strasbourg|都柏林 Dublin|爱丁堡 Edinburgh|哥本哈根 Copenhagen|斯德哥尔摩 Stockholm|奥斯陆 Oslo
赫尔辛基 Helsinki|雷克雅未克 Reykjavik|华沙 Warsaw|布拉格 Prague|布拉迪斯拉发 Bratislava|布达佩斯 Budapest
卢布尔雅那 Ljubljana|萨格勒布 Zagreb|贝尔格莱德 Belgrade|萨拉热窝 Sarajevo|斯科普里 Skopje|地拉那 Tirana
索非亚 Sofia|布加勒斯特 Bucharest|基希讷乌 Chisinau|雅典 Athens|尼科西亚 Nicosia|瓦莱塔 Valletta|维尔纽斯 Vilnius
里加 Riga|塔林 Tallinn|明斯克 Minsk|基辅 Kyiv|莫斯科 Moscow|圣彼得堡 St. Petersburg/Russia
符拉迪沃斯托克 Vladivostok|新西伯利亚 Novosibirsk|喀山 Kazan|索契 Sochi|阿斯塔纳 Astana|阿拉木图 Almaty
塔什干 Tashkent|比什凯克 Bishkek|杜尚别 Dushanbe|阿什哈巴德 Ashgabat|巴库 Baku|第比利斯 Tbilisi|埃里温 Yerevan
安卡拉 Ankara|伊斯坦布尔 Istanbul|德黑兰 Tehran|巴格达 Baghdad|大马士革 Damascus|贝鲁特 Beirut|安曼 Amman
耶路撒冷 Jerusalem|特拉维夫 Tel Aviv|加沙 Gaza|拉姆安拉 Ramallah|开罗 Cairo|利雅得 Riyadh|吉达 Jeddah|麦加 Makkah
多哈 Doha|迪拜 Dubai|阿布扎比 Abu Dhabi|科威特城 Kuwait|麦纳麦 Manama|马斯喀特 Muscat|萨那 Sanaa|喀布尔 Kabul
伊斯兰堡 Islamabad|卡拉奇 Karachi|拉合尔 Lahore|新德里 New Delhi|孟买 Mumbai|加尔各答 Kolkata|加德满都 Kathmandu
达卡 Dhaka|科伦坡 Colombo|马累 Male|廷布 Thimphu|东京 Tokyo|大阪 Osaka|首尔 Seoul|釜山 Busan|平壤 Pyongyang
乌兰巴托 Ulaanbaatar|河内 Hanoi|胡志明市 Ho Chi Minh City|万象 Vientiane|金边 Phnom Penh|曼谷 Bangkok
内比都 Naypyidaw|吉隆坡 Kuala Lumpur|新加坡 Singapore|雅加达 Jakarta|马尼拉 Manila|斯里巴加湾市 Bandar Seri Begawan
帝力 Dili|堪培拉 Canberra|悉尼 Sydney|墨尔本 Melbourne|惠灵顿 Wellington|奥克兰 Auckland|莫尔斯比港 Port Moresby
苏瓦 Suva|开普敦 Cape Town|约翰内斯堡 Johannesburg|比勒陀利亚 Pretoria|内罗毕 Nairobi|亚的斯亚贝巴 Addis Ababa
拉各斯 Lagos|阿布贾 Abuja|阿克拉 Accra|达喀尔 Dakar|阿尔及尔 Algiers|拉巴特 Rabat|突尼斯 Tunis
的黎波里 Tripoli/Libya|喀土穆 Khartoum|达累斯萨拉姆 Dar es Salaam|坎帕拉 Kampala|基加利 Kigali|卢萨卡 Lusaka
哈拉雷 Harare|罗安达 Luanda|金沙萨 Kinshasa|马普托 Maputo|塔那那利佛 Antananarivo|阿比让 Abidjan|摩加迪沙 Mogadishu
雄安 Xiong'an|博鳌 Boao|延安 Yan'an|义乌 Yiwu|鄂尔多斯 Ordos|张家界 Zhangjiajie|黄山 Huangshan|曲阜 Qufu|北戴河 Beidaihe
舟山 Zhoushan|景洪 Jinghong|霍尔果斯 Khorgos|瑞丽 Ruili|珲春 Hunchun|绥芬河 Suifenhe|泰安 Tai'an|敖德萨 Odesa|利沃夫 Lviv
哈尔科夫 Kharkiv|汗尤尼斯 Khan Younis|杰宁 Jenin|代尔拜拉赫 Deir al-Balah|加沙城 Gaza City|希伯伦 Hebron
`;

/**
 * Names Taiwan's and Hong Kong's copy gives cities that are not the table's in traditional characters
 * (雪梨 for 悉尼, 坎培拉 for 堪培拉), Taiwan's cities, and variants printed beside the traditional form
 * (沈陽 beside 瀋陽).
 */
const TRADITIONAL_CITIES = `
臺北 Taipei|台中 Taichung|臺中 Taichung|台南 Tainan|臺南 Tainan|新北 New Taipei|桃園 Taoyuan|新竹 Hsinchu|基隆 Keelung
雪梨 Sydney|坎培拉 Canberra|休士頓 Houston|伊斯坦堡 Istanbul|杜拜 Dubai|加薩 Gaza|利雅德 Riyadh|巴塞隆納 Barcelona/Spain
威靈頓 Wellington|約翰尼斯堡 Johannesburg|奈洛比 Nairobi|海參崴 Vladivostok|可倫坡 Colombo|喀拉蚩 Karachi|永珍 Vientiane
阿布達比 Abu Dhabi|史特拉斯堡 Strasbourg|沈陽 Shenyang
`;

const entries = (table: string): [string, readonly [string, string | undefined]][] =>
  table.split(/[|\n]/).map((s) => s.trim()).filter(Boolean).map((entry) => {
    const at = entry.indexOf(' ');
    const [english, country] = entry.slice(at + 1).split('/');
    return [entry.slice(0, at), [english ?? '', country]] as const;
  });

/**
 * Chinese name → [English name, country or undefined]: each name of the table in simplified characters
 * and in traditional ones (`伦敦` and `倫敦`, `东京` and `東京`), and the names of `TRADITIONAL_CITIES`.
 */
export const ZH_CITIES: ReadonlyMap<string, readonly [string, string | undefined]> = new Map(
  [...entries(CITIES).flatMap(([name, english]) => [[name, english], [traditionalCity(name), english]] as const), ...entries(TRADITIONAL_CITIES)],
);
