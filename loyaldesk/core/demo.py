"""A realistic sample practice: five years of clients, sessions, contacts and tags.

Used by `loyaldesk demo`, the self-test and the benchmarks. The sample is a solo
consultant's practice as the domain notes describe it: about three quarters Japanese
clients and one quarter English-speaking ones, an 80/20 revenue spread carried by a
loyal core who come about monthly for years, many one-off clients, some new clients
and a few prospects, touchpoints (thank-you notes, seasonal cards, newsletters,
events...) and community roles given to loyal clients.

Everything is written in one transaction (cancelling rolls it back), with executemany,
and the per-row work is plain tuple building so that 100,000 clients (about a million
sessions) take seconds. A given seed and as-of date always give the same data.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from loyaldesk.core import dates
from loyaldesk.core.i18n import current_language

HISTORY_DAYS = 1826  # five years
_CHUNK = 2000  # clients per write batch (and per progress / cancellation checkpoint)
_REBUILD_INDEXES_FROM = 20_000  # clients: from this size, build the history indexes after the load


@dataclass
class DemoSummary:
    clients: int
    sessions: int
    touchpoints: int


class Cancelled(Exception):
    """The caller asked to stop; the transaction was rolled back and nothing was written."""


# --- name pools -------------------------------------------------------------------------
# (kanji, hiragana reading, romanization for the e-mail address)
_JA_FAMILY = (
    ("佐藤", "さとう", "sato"), ("鈴木", "すずき", "suzuki"), ("高橋", "たかはし", "takahashi"),
    ("田中", "たなか", "tanaka"), ("伊藤", "いとう", "ito"), ("渡辺", "わたなべ", "watanabe"),
    ("山本", "やまもと", "yamamoto"), ("中村", "なかむら", "nakamura"), ("小林", "こばやし", "kobayashi"),
    ("加藤", "かとう", "kato"), ("吉田", "よしだ", "yoshida"), ("山田", "やまだ", "yamada"),
    ("佐々木", "ささき", "sasaki"), ("山口", "やまぐち", "yamaguchi"), ("松本", "まつもと", "matsumoto"),
    ("井上", "いのうえ", "inoue"), ("木村", "きむら", "kimura"), ("林", "はやし", "hayashi"),
    ("斎藤", "さいとう", "saito"), ("清水", "しみず", "shimizu"), ("山崎", "やまざき", "yamazaki"),
    ("森", "もり", "mori"), ("池田", "いけだ", "ikeda"), ("橋本", "はしもと", "hashimoto"),
    ("阿部", "あべ", "abe"), ("石川", "いしかわ", "ishikawa"), ("山下", "やました", "yamashita"),
    ("中島", "なかじま", "nakajima"), ("石井", "いしい", "ishii"), ("小川", "おがわ", "ogawa"),
    ("前田", "まえだ", "maeda"), ("岡田", "おかだ", "okada"), ("長谷川", "はせがわ", "hasegawa"),
    ("藤田", "ふじた", "fujita"), ("後藤", "ごとう", "goto"), ("近藤", "こんどう", "kondo"),
    ("村上", "むらかみ", "murakami"), ("遠藤", "えんどう", "endo"), ("青木", "あおき", "aoki"),
    ("坂本", "さかもと", "sakamoto"), ("藤井", "ふじい", "fujii"), ("西村", "にしむら", "nishimura"),
    ("福田", "ふくだ", "fukuda"), ("太田", "おおた", "ota"), ("三浦", "みうら", "miura"),
    ("藤原", "ふじわら", "fujiwara"), ("岡本", "おかもと", "okamoto"), ("松田", "まつだ", "matsuda"),
    ("中川", "なかがわ", "nakagawa"), ("中野", "なかの", "nakano"), ("原田", "はらだ", "harada"),
    ("小野", "おの", "ono"), ("竹内", "たけうち", "takeuchi"), ("金子", "かねこ", "kaneko"),
    ("和田", "わだ", "wada"), ("中山", "なかやま", "nakayama"), ("石田", "いしだ", "ishida"),
    ("上田", "うえだ", "ueda"), ("森田", "もりた", "morita"), ("原", "はら", "hara"),
    ("柴田", "しばた", "shibata"), ("酒井", "さかい", "sakai"), ("工藤", "くどう", "kudo"),
    ("横山", "よこやま", "yokoyama"), ("宮崎", "みやざき", "miyazaki"), ("宮本", "みやもと", "miyamoto"),
    ("内田", "うちだ", "uchida"), ("高木", "たかぎ", "takagi"), ("安藤", "あんどう", "ando"),
    ("谷口", "たにぐち", "taniguchi"), ("大野", "おおの", "ohno"), ("丸山", "まるやま", "maruyama"),
    ("今井", "いまい", "imai"), ("河野", "こうの", "kono"), ("藤本", "ふじもと", "fujimoto"),
    ("村田", "むらた", "murata"), ("武田", "たけだ", "takeda"), ("上野", "うえの", "ueno"),
    ("杉山", "すぎやま", "sugiyama"), ("増田", "ますだ", "masuda"), ("小山", "こやま", "koyama"),
    ("大塚", "おおつか", "otsuka"), ("平野", "ひらの", "hirano"), ("菅原", "すがわら", "sugawara"),
    ("久保", "くぼ", "kubo"), ("松井", "まつい", "matsui"), ("千葉", "ちば", "chiba"),
    ("岩崎", "いわさき", "iwasaki"), ("桜井", "さくらい", "sakurai"), ("木下", "きのした", "kinoshita"),
    ("野口", "のぐち", "noguchi"), ("松尾", "まつお", "matsuo"), ("菊地", "きくち", "kikuchi"),
    ("野村", "のむら", "nomura"), ("新井", "あらい", "arai"),
)

_JA_GIVEN = (
    ("美咲", "みさき", "misaki"), ("陽子", "ようこ", "yoko"), ("由美", "ゆみ", "yumi"),
    ("恵", "めぐみ", "megumi"), ("裕子", "ゆうこ", "yuko"), ("直子", "なおこ", "naoko"),
    ("智子", "ともこ", "tomoko"), ("真由美", "まゆみ", "mayumi"), ("香織", "かおり", "kaori"),
    ("麻衣", "まい", "mai"), ("彩", "あや", "aya"), ("愛", "あい", "ai"),
    ("結衣", "ゆい", "yui"), ("奈々", "なな", "nana"), ("千尋", "ちひろ", "chihiro"),
    ("明美", "あけみ", "akemi"), ("久美子", "くみこ", "kumiko"), ("理恵", "りえ", "rie"),
    ("沙織", "さおり", "saori"), ("瞳", "ひとみ", "hitomi"), ("桃子", "ももこ", "momoko"),
    ("葵", "あおい", "aoi"), ("陽菜", "ひな", "hina"), ("さくら", "さくら", "sakura"),
    ("杏奈", "あんな", "anna"), ("美穂", "みほ", "miho"), ("綾香", "あやか", "ayaka"),
    ("早紀", "さき", "saki"), ("紀子", "のりこ", "noriko"), ("京子", "きょうこ", "kyoko"),
    ("翔太", "しょうた", "shota"), ("大輔", "だいすけ", "daisuke"), ("健太", "けんた", "kenta"),
    ("拓也", "たくや", "takuya"), ("直樹", "なおき", "naoki"), ("誠", "まこと", "makoto"),
    ("浩", "ひろし", "hiroshi"), ("健一", "けんいち", "kenichi"), ("和也", "かずや", "kazuya"),
    ("達也", "たつや", "tatsuya"), ("隆", "たかし", "takashi"), ("修", "おさむ", "osamu"),
    ("哲也", "てつや", "tetsuya"), ("一郎", "いちろう", "ichiro"), ("剛", "つよし", "tsuyoshi"),
    ("亮", "りょう", "ryo"), ("悠斗", "ゆうと", "yuto"), ("蓮", "れん", "ren"),
    ("大翔", "ひろと", "hiroto"), ("陽太", "ようた", "yota"), ("智也", "ともや", "tomoya"),
    ("雄一", "ゆういち", "yuichi"), ("康介", "こうすけ", "kosuke"), ("俊介", "しゅんすけ", "shunsuke"),
    ("淳", "じゅん", "jun"), ("博之", "ひろゆき", "hiroyuki"), ("正樹", "まさき", "masaki"),
    ("祐介", "ゆうすけ", "yusuke"), ("秀樹", "ひでき", "hideki"), ("聡", "さとし", "satoshi"),
)

# (name, katakana reading)
_EN_FIRST = (
    ("Emily", "エミリー"), ("James", "ジェームズ"), ("Olivia", "オリビア"), ("Michael", "マイケル"),
    ("Sarah", "サラ"), ("David", "デイビッド"), ("Jessica", "ジェシカ"), ("Daniel", "ダニエル"),
    ("Emma", "エマ"), ("Thomas", "トーマス"), ("Sophie", "ソフィー"), ("Matthew", "マシュー"),
    ("Hannah", "ハンナ"), ("Andrew", "アンドリュー"), ("Laura", "ローラ"), ("Christopher", "クリストファー"),
    ("Rachel", "レイチェル"), ("Benjamin", "ベンジャミン"), ("Grace", "グレース"), ("William", "ウィリアム"),
    ("Chloe", "クロエ"), ("Robert", "ロバート"), ("Lucy", "ルーシー"), ("Jonathan", "ジョナサン"),
    ("Anna", "アンナ"), ("Peter", "ピーター"), ("Natalie", "ナタリー"), ("Samuel", "サミュエル"),
    ("Claire", "クレア"), ("Mark", "マーク"), ("Julia", "ジュリア"), ("Paul", "ポール"),
    ("Alice", "アリス"), ("Kevin", "ケビン"), ("Megan", "ミーガン"), ("Ryan", "ライアン"),
)

_EN_LAST = (
    ("Carter", "カーター"), ("Smith", "スミス"), ("Johnson", "ジョンソン"), ("Williams", "ウィリアムズ"),
    ("Brown", "ブラウン"), ("Jones", "ジョーンズ"), ("Miller", "ミラー"), ("Davis", "デイビス"),
    ("Wilson", "ウィルソン"), ("Taylor", "テイラー"), ("Anderson", "アンダーソン"), ("Moore", "ムーア"),
    ("Martin", "マーティン"), ("Thompson", "トンプソン"), ("White", "ホワイト"), ("Harris", "ハリス"),
    ("Clark", "クラーク"), ("Lewis", "ルイス"), ("Walker", "ウォーカー"), ("Hall", "ホール"),
    ("Allen", "アレン"), ("Young", "ヤング"), ("King", "キング"), ("Wright", "ライト"),
    ("Scott", "スコット"), ("Green", "グリーン"), ("Baker", "ベイカー"), ("Adams", "アダムズ"),
    ("Nelson", "ネルソン"), ("Hill", "ヒル"), ("Campbell", "キャンベル"), ("Mitchell", "ミッチェル"),
    ("Roberts", "ロバーツ"), ("Evans", "エバンズ"), ("Turner", "ターナー"), ("Parker", "パーカー"),
    ("Collins", "コリンズ"), ("Edwards", "エドワーズ"), ("Stewart", "スチュワート"), ("Morris", "モリス"),
    ("Murphy", "マーフィー"), ("Cook", "クック"), ("Rogers", "ロジャーズ"), ("Bennett", "ベネット"),
    ("Gray", "グレイ"), ("Hughes", "ヒューズ"), ("Price", "プライス"), ("Foster", "フォスター"),
)

# --- organisations and titles ---------------------------------------------------------------
_JA_COMPANY_STEMS = (
    "みらい設計", "さくら商事", "青葉コンサルティング", "ひかり工房", "東和物産", "新星システム",
    "北斗デザイン", "緑風舎", "光和ホールディングス", "大和フーズ", "アサヒ企画", "はなまる不動産",
    "富士テック", "港南ロジスティクス", "つばさ教育", "こもれび", "ソレイユ", "日進精機", "丸福食品",
    "和楽", "ハーモニー", "リーフ", "山川建設", "結び", "あおぞら保育", "ことのは出版", "いろどり",
)
_JA_FAMILY_BUSINESS = ("製作所", "商店", "工務店", "歯科医院", "整骨院")
_JA_PROFESSIONAL = ("税理士事務所", "法律事務所", "社会保険労務士事務所", "行政書士事務所", "司法書士事務所")
_JA_TITLES = ("代表取締役", "代表取締役", "代表取締役", "取締役", "部長", "課長", "代表", "マネージャー", "店長", "理事")
_JA_OWNER_TITLES = ("代表取締役", "代表", "院長", "所長")
_EN_COMPANY_STEMS = (
    "Bright Path", "Northwind Design", "Harbor", "Blue Fern", "Summit", "Maple & Oak", "Clearwater",
    "Redwood", "Silver Lining", "Greenleaf", "Lighthouse", "Cedar", "Keystone", "Tidewater", "Kestrel",
    "Sakura Bridge", "Open Door", "True North",
)
_EN_COMPANY_SUFFIX = ("LLC", "LLC", "Inc.", "Ltd.", "Studio", "Consulting", "Partners", "K.K.")
_EN_TITLES = ("Owner", "Founder", "CEO", "Director", "Director", "Manager", "Partner", "Head of Marketing")
_OWNER_TITLES = frozenset(("代表取締役", "代表", "院長", "所長", "Owner", "Founder", "CEO"))

# --- addresses: (prefecture + city, postal prefixes, town names) ---------------------------
_PLACES = (
    ("東京都渋谷区", ("150",), ("神南", "恵比寿", "代々木", "道玄坂"), "03"),
    ("東京都新宿区", ("160", "169"), ("西新宿", "神楽坂", "四谷", "高田馬場"), "03"),
    ("東京都港区", ("105", "106", "107"), ("赤坂", "六本木", "芝浦", "南青山"), "03"),
    ("東京都千代田区", ("100", "101", "102"), ("丸の内", "神田神保町", "麹町"), "03"),
    ("東京都世田谷区", ("154", "155", "158"), ("三軒茶屋", "代沢", "用賀"), "03"),
    ("東京都中央区", ("103", "104"), ("日本橋", "銀座", "築地"), "03"),
    ("東京都目黒区", ("152", "153"), ("自由が丘", "中目黒"), "03"),
    ("東京都杉並区", ("166", "167"), ("荻窪", "阿佐谷南"), "03"),
    ("東京都品川区", ("141",), ("西五反田", "大崎"), "03"),
    ("神奈川県横浜市中区", ("231",), ("山下町", "元町", "日本大通"), "045"),
    ("神奈川県横浜市西区", ("220",), ("みなとみらい", "南幸"), "045"),
    ("神奈川県川崎市中原区", ("211",), ("小杉町", "新丸子町"), "044"),
    ("神奈川県鎌倉市", ("248",), ("小町", "由比ガ浜"), "0467"),
    ("埼玉県さいたま市浦和区", ("330",), ("高砂", "仲町"), "048"),
    ("千葉県千葉市中央区", ("260",), ("富士見", "中央"), "043"),
    ("千葉県船橋市", ("273",), ("本町", "湊町"), "047"),
    ("大阪府大阪市北区", ("530",), ("梅田", "天神橋"), "06"),
    ("大阪府大阪市中央区", ("540", "541", "542"), ("本町", "北浜", "心斎橋筋"), "06"),
    ("京都府京都市中京区", ("604",), ("西ノ京", "壬生"), "075"),
    ("兵庫県神戸市中央区", ("650",), ("三宮町", "元町通", "北野町"), "078"),
    ("愛知県名古屋市中区", ("460",), ("栄", "錦", "丸の内"), "052"),
    ("愛知県名古屋市中村区", ("450", "453"), ("名駅", "椿町"), "052"),
    ("福岡県福岡市中央区", ("810",), ("天神", "大名", "薬院"), "092"),
    ("福岡県福岡市博多区", ("812",), ("博多駅前", "中洲"), "092"),
    ("北海道札幌市中央区", ("060",), ("大通西", "北一条西"), "011"),
    ("宮城県仙台市青葉区", ("980",), ("一番町", "本町"), "022"),
    ("広島県広島市中区", ("730",), ("紙屋町", "八丁堀"), "082"),
    ("静岡県静岡市葵区", ("420",), ("呉服町", "紺屋町"), "054"),
    ("長野県松本市", ("390",), ("中央", "深志"), "0263"),
    ("沖縄県那覇市", ("900",), ("久茂地", "松山"), "098"),
)
_TOKYO_WEIGHT = 9  # of the places above, the first nine (Tokyo) are drawn as often as all the others
_BUILDINGS = ("サンライズビル", "第一中央ビル", "グリーンビル", "パークハイツ", "メゾン青葉", "リバーサイドコート",
              "ヒルズ南", "アーバンテラス", "さくらマンション", "光ビル")
_EMAIL_DOMAINS_JA = ("example.jp", "example.jp", "example.ne.jp", "example.co.jp", "example.com")
_EMAIL_DOMAINS_EN = ("example.com", "example.com", "example.org", "example.net", "example.jp")

_SOURCES = {
    "ja": ("ウェブサイト", "ウェブサイト", "セミナー", "セミナー", "SNS", "交流会", "知人の紹介", "書籍", ""),
    "en": ("Website", "Website", "Seminar", "SNS", "LinkedIn", "Networking event", "Introduction", ""),
}
_REFERRAL_SOURCE = {"ja": "紹介", "en": "Referral"}

_CLIENT_NOTES = {
    "ja": ("年賀状は会社宛てに送る", "メールより電話を好む", "平日の午前が都合よい", "甘いものがお好き",
           "お酒は飲まない", "ゴルフが趣味", "猫を飼っている", "英語でのやり取りも可", "オンライン面談を希望",
           "お子さんが受験生", "ご紹介をよくくださる", "資料は紙で渡すと喜ばれる"),
    "en": ("Prefers email", "Available weekday mornings", "Vegetarian", "Loves hiking", "Speaks some Japanese",
           "Prefers video calls", "Has two kids", "Send materials as PDF", "Coffee, no sugar"),
}

# --- sessions -----------------------------------------------------------------------------
_CONSULT, _WORKSHOP, _RETAINER, _SEMINAR = range(4)
_KINDS = {"ja": ("個別相談", "ワークショップ", "顧問", "セミナー"), "en": ("Consultation", "Workshop", "Retainer", "Seminar")}
_DURATIONS = ((60, 60, 90, 45, 30, 90, 120), (120, 150, 180, 180), (60, 90, 90, 120), (90, 120, 120, 180))
_TOPICS = {
    "ja": (
        "新規事業の資金計画", "採用計画の見直し", "価格改定の相談", "事業計画書のレビュー", "集客導線の見直し",
        "ホームページのリニューアル", "SNS運用の方針", "売上目標の設定", "キャッシュフローの改善", "補助金申請の準備",
        "新商品の企画", "顧客単価を上げる施策", "リピート率の改善", "業務効率化とIT導入", "組織づくりと評価制度",
        "後継者の育成", "事業承継の準備", "営業プロセスの整理", "ブランディングの方向性", "年間計画の振り返り",
        "四半期の振り返り", "人材育成の仕組み", "外注先の選定", "店舗展開の検討", "値決めと利益率",
        "顧客アンケートの設計", "セミナー企画の相談", "独立・開業の準備", "働き方の見直し", "経営理念の言語化",
    ),
    "en": (
        "Pricing strategy review", "Hiring the first employee", "Business plan review", "Cash flow planning",
        "Marketing funnel audit", "Website relaunch", "Social media strategy", "Quarterly goals review",
        "Annual review and planning", "Grant application prep", "New product launch", "Raising average order value",
        "Improving client retention", "Process automation", "Team structure and roles", "Succession planning",
        "Sales pipeline cleanup", "Brand positioning", "Partnership negotiation", "Opening a second location",
        "Customer survey design", "Workshop design", "Going independent", "Work-life balance",
        "Mission and values", "Expanding into the Japanese market", "Leadership coaching",
    ),
}
_SESSION_NOTES = {
    "ja": ("次回までに資料を送付する", "宿題: 月次の数字を整理してもらう", "前回の続きから", "提案書のたたき台を共有",
           "次回は現場を見学", "補助金の締切を確認する", "優先順位を三つに絞った", "数字が順調に伸びている",
           "スタッフ同席", "オンラインで実施"),
    "en": ("Send slides before next session", "Homework: monthly numbers", "Continued from last time",
           "Shared a draft proposal", "Follow up on the pricing sheet", "Agreed on three priorities",
           "Numbers are improving", "Held online"),
}
_FREE_FIRST = {"ja": "初回無料相談", "en": "Free first consultation"}

# --- touchpoints ----------------------------------------------------------------------------
_TP_NOTES = {
    "ja": {
        "letter": ("お礼状", "近況報告の手紙", "手書きのメッセージ"),
        "email": ("近況伺いのメール", "セミナーの先行案内", "資料送付", "記事のご紹介"),
        "call": ("ハロー電話", "近況確認の電話", "サンキューコール"),
        "meeting": ("ランチ", "近況報告のお茶", "個別にお食事"),
        "sns": ("SNSでメッセージ", "投稿にコメント", "SNSでお祝いメッセージ"),
        "event": ("交流会に参加", "勉強会に参加", "成果発表会に参加", "会員限定イベント"),
        "gift": ("ささやかな贈り物", "書籍を贈呈", "手土産を持参", "出張のお土産"),
        "card": ("メッセージカード", "旅先からの絵はがき"),
        "other": ("人を紹介", "会員限定の資料を共有", "アンケートのお願い（サービス作り）"),
    },
    "en": {
        "letter": ("Thank-you note", "Handwritten update", "Personal letter"),
        "email": ("Check-in email", "Early notice of seminar", "Sent materials", "Shared an article"),
        "call": ("Hello call", "Check-in call", "Thank-you call"),
        "meeting": ("Lunch", "Coffee catch-up", "Dinner"),
        "sns": ("Message on LinkedIn", "Comment on post", "Congratulations message"),
        "event": ("Attended networking event", "Study group", "Results meeting", "Members-only event"),
        "gift": ("Small gift", "Sent a book", "Brought a small present", "Souvenir from a trip"),
        "card": ("Note card", "Postcard from a trip"),
        "other": ("Introduced to a contact", "Shared members-only material", "Asked for feedback on a new service"),
    },
}
_LOYAL_CHANNELS = ("email",) * 5 + ("sns",) * 3 + ("event",) * 3 + ("call",) * 2 + ("meeting",) * 2 + (
    "letter", "letter", "gift", "card", "other")
_HELLO_CHANNELS = ("email", "email", "email", "call", "sns", "letter", "event")
_THANKS = {"ja": (("letter", "お礼状"), ("call", "サンキューコール"), ("email", "お礼のメール")),
           "en": (("letter", "Thank-you note"), ("call", "Thank-you call"), ("email", "Thank-you email"))}
_REFERRAL_THANKS = {"ja": (("letter", "ご紹介のお礼状"), ("gift", "ご紹介のお礼の品")),
                    "en": (("letter", "Thank-you note for the referral"), ("gift", "Referral thank-you gift"))}
_BIRTHDAY = {"ja": (("card", "誕生日カード"), ("card", "誕生日カード"), ("gift", "誕生日プレゼント")),
             "en": (("card", "Birthday card"), ("card", "Birthday card"), ("gift", "Birthday gift"))}
_NEWSLETTER = {"ja": "ニュースレター送付", "en": "Newsletter"}
_PROSPECT_TP = {"ja": (("event", "交流会で名刺交換"), ("email", "問い合わせへの返信"), ("meeting", "セミナー後に立ち話")),
                "en": (("event", "Met at a networking event"), ("email", "Replied to an inquiry"),
                       ("meeting", "Chat after a seminar"))}

_SEGMENT_TAGS = {
    "ja": ("経営者", "士業", "スタートアップ", "ニュースレター"),
    "en": ("Business owner", "Licensed professional", "Startup", "Newsletter"),
}
_ROLE_KEYS = ("event_committee", "sns_admin", "community_host", "study_group_host", "ambassador")

# --- the community: events, recognition, a feedback round ---------------------------------------
# (days from as_of, kind, weekday Mon=0, hour, minute, early wave days before, general wave days before)
_EVENT_PLAN = (
    (-340, "results_meeting", 5, 13, 0, 45, 30),
    (-265, "seminar", 5, 14, 0, 50, 30),
    (-200, "study_session", 2, 19, 0, 28, 18),
    (-150, "mixer", 4, 18, 30, 35, 21),
    (-95, "study_session", 2, 19, 0, 28, 18),
    (-55, "seminar", 5, 14, 0, 50, 30),
    (-24, "results_meeting", 5, 13, 0, 45, 30),
    (33, "seminar", 5, 14, 0, 39, None),  # upcoming: the early wave went out a week ago
    (68, "mixer", 4, 18, 30, 69, None),  # upcoming: the early wave went out yesterday
)
_WAVE_LIMIT = 600  # invitees per wave at most (samples of thousands of clients)
_EVENT_CAPACITY = {"seminar": 30, "study_session": 12, "mixer": 24, "results_meeting": 20}
_EVENT_FEE = {"seminar": 5000, "study_session": 3000, "mixer": 4000, "results_meeting": 0}
_EVENT_HOURS = {"seminar": 2.5, "study_session": 2.0, "mixer": 2.5, "results_meeting": 3.0}  # the end time
_EVENT_REPLY_DAYS = {"seminar": 10, "study_session": 5, "mixer": 7, "results_meeting": 10}  # reply deadline, days before
_EVENT_REPLY_HOW = {  # how to reply (else the sender's phone and e-mail)
    "mixer": ("お店の予約の都合上、メール（keiko@example.com）にて", "by e-mail to keiko@example.com (the café needs numbers)"),
}
_EVENT_PLACE = {  # (place, online)
    "ja": {"seminar": ("渋谷区民会館 第1会議室", False), "study_session": ("Zoom", True),
           "mixer": ("カフェ・ルミエール（貸切）", False), "results_meeting": ("新宿 貸会議室A", False)},
    "en": {"seminar": ("Shibuya Civic Hall, Room 1", False), "study_session": ("Zoom", True),
           "mixer": ("Café Lumière (private room)", False), "results_meeting": ("Shinjuku Conference Room A", False)},
}
_EVENT_NOTES = {
    "ja": {"seminar": "終了後に懇親会あり（任意参加）", "mixer": "会費は当日受付で", "results_meeting": "発表は一人5分",
           "study_session": "資料は前日にメールで送付"},
    "en": {"seminar": "Drinks afterwards (optional)", "mixer": "Pay at the door", "results_meeting": "Five minutes per talk",
           "study_session": "Slides sent by e-mail the day before"},
}
_SEASONS = {"ja": ("冬", "冬", "春", "春", "春", "夏", "夏", "夏", "秋", "秋", "秋", "冬"),
            "en": ("Winter", "Winter", "Spring", "Spring", "Spring", "Summer", "Summer", "Summer", "Autumn", "Autumn",
                   "Autumn", "Winter")}
_SEMINAR_THEMES = {"ja": ("選ばれ続ける価格の決め方", "リピート率を上げる仕組みづくり", "一枚で書く事業計画"),
                   "en": ("Pricing that keeps clients", "Building repeat business", "Your plan on one page")}
_STUDY_THEMES = {"ja": ("キャッシュフローを読む", "採用と育成", "SNS発信を続けるコツ"),
                 "en": ("Reading your cash flow", "Hiring and training", "Keeping up with social media")}
_HELPER_TASKS = {"ja": ("受付", "司会", "会場設営", "写真撮影", "懇親会の幹事"),
                 "en": ("Reception", "MC", "Setting up the room", "Photos", "Organising the drinks")}
_SEAT_NOTES = {"ja": ("前方の席", "同伴者1名", "窓側の席を希望", "30分遅れて参加"),
               "en": ("Front row", "+1 guest", "Prefers a window seat", "Arrives 30 minutes late")}
_AWARDS = {
    "ja": (("最優秀成果賞", "売上を前年の1.5倍に伸ばし、新しい仕組みを最後までやり遂げました。"),
           ("ベストプログレス賞", "半年でリピート率を大きく改善。毎回の宿題に真剣に取り組まれました。"),
           ("コミュニティ貢献賞", "勉強会の運営と新しいメンバーのサポートに尽力いただきました。")),
    "en": (("Best results", "Grew revenue by half over last year and saw the new system through."),
           ("Best progress", "Raised the repeat rate markedly in six months; never skipped the homework."),
           ("Community award", "Ran the study sessions and welcomed every new member.")),
}
_PERIOD_AWARD = {"ja": ("ベストサポーター賞", "交流会と勉強会の受付を毎回引き受けてくださいました。"),
                 "en": ("Supporter of the half-year", "Took on the reception at every mixer and study session.")}
_FEEDBACK_ROUND = {"ja": ("オンライン経営講座（新サービス）", "全6回の講座案。回数・時間・価格についてご意見を伺う。"),
                   "en": ("Online business course (new service)", "Six-session draft; asking about length, format and price.")}
_FEEDBACK_NOTES = {
    "ja": ("1回60分なら続けやすい", "録画があると助かる", "月1万円前後なら受けたい", "受講生同士で話せる時間がほしい",
           "実例の紹介を多めに", "平日夜の開催だと参加しやすい"),
    "en": ("60 minutes per session would be easy to keep up", "Recordings would help", "About ¥10,000 a month feels right",
           "Would like time to talk with the other participants", "More real examples please",
           "Weekday evenings suit me best"),
}


def _event_title(kind: str, day: dt.date, number: int, lang: str) -> str:
    season = _SEASONS[lang][day.month - 1]
    if kind == "seminar":
        theme = _SEMINAR_THEMES[lang][number % len(_SEMINAR_THEMES[lang])]
        return f"{season}の経営セミナー「{theme}」" if lang == "ja" else f"{season} seminar: {theme}"
    if kind == "study_session":
        theme = _STUDY_THEMES[lang][number % len(_STUDY_THEMES[lang])]
        return f"経営勉強会 第{number + 11}回「{theme}」" if lang == "ja" else f"Study session #{number + 11}: {theme}"
    if kind == "mixer":
        return f"{day.year}年 {season}の交流会" if lang == "ja" else f"{season} mixer {day.year}"
    return f"{day.year}年{season}の成果報告会" if lang == "ja" else f"{season} {day.year} results meeting"


def _half_year(day: dt.date, lang: str) -> str:
    if lang == "ja":
        return f"{day.year}年{'上' if day.month <= 6 else '下'}半期"
    return f"{'first' if day.month <= 6 else 'second'} half of {day.year}"


# engagement tiers
_PROSPECT, _LOYAL, _REGULAR, _OCCASIONAL, _NEW = range(5)


class _Plan:
    """What one client will look like, decided before any row is built."""

    __slots__ = ("tier", "ja", "created", "start", "end", "row", "cid", "subscribed", "sub_end",
                 "card_list", "lapsed", "startup", "professional", "owner", "referrals", "referrer", "birthday")


def _pick(rng_random: Callable[[], float], seq):
    return seq[int(rng_random() * len(seq))]


def _fast_randint(rng_random: Callable[[], float]) -> Callable[[int, int], int]:
    """randint(a, b) from one random() call: several times faster than Random.randint."""

    def randint(a: int, b: int) -> int:
        return a + int(rng_random() * (b - a + 1))

    return randint


def generate(
    db,
    *,
    clients: int = 120,
    seed: int | None = None,
    replace: bool = False,
    as_of: dt.date | None = None,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    currency: str | None = None,
) -> DemoSummary:
    """Write a sample practice of `clients` clients with five years of history up to `as_of`.

    The fees are round amounts of the practice's currency (`currency` sets it first; amounts
    already stored are not converted, see practice.set_currency).
    replace=True first removes every client, session, touchpoint and non-built-in tag.
    All of it happens in one transaction: an error or a cancellation leaves the file as it was.
    """
    clients = int(clients)
    if clients < 0:
        raise ValueError("clients must be >= 0")
    as_of = as_of or dates.today()
    rng = random.Random(seed)
    report = progress or (lambda _fraction: None)
    cancelled = is_cancelled or (lambda: False)

    def checkpoint(fraction: float) -> None:
        if cancelled():
            raise Cancelled()
        report(min(1.0, max(0.0, fraction)))

    from loyaldesk.core import practice

    if currency is not None:
        practice.set_currency(db, currency, keep_amounts=replace)
    currency = practice.currency(db)
    gen = _Generator(rng, as_of, current_language())
    checkpoint(0.0)
    plans = gen.plan(clients)
    n_sessions = n_touchpoints = 0
    conn = db.conn
    saved = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("cache_size", "ignore_check_constraints")}
    try:
        # Bulk-load settings for this connection, restored below. Every value written here is
        # valid by construction (channels come from migrations.CHANNELS), so the CHECK
        # constraints, which cost more than the insert itself, are skipped.
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        with db.transaction() as conn:
            if replace:
                conn.execute("DELETE FROM events")  # with their invitations and helpers
                conn.execute("DELETE FROM feedback_rounds")  # with their participants
                conn.execute("DELETE FROM recognitions")
                conn.execute("DELETE FROM role_history")
                conn.execute("DELETE FROM client_tags")
                conn.execute("DELETE FROM touchpoints")
                conn.execute("DELETE FROM sessions")
                conn.execute("UPDATE clients SET referred_by = NULL WHERE referred_by IS NOT NULL")
                conn.execute("DELETE FROM clients")
                conn.execute("DELETE FROM tags WHERE builtin_key IS NULL")
            base_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM clients").fetchone()[0])
            base_event = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0])
            # A large load is faster with the secondary indexes built once at the end (inside the
            # transaction, so a rollback restores them as they were).
            rebuild = []
            if len(plans) >= _REBUILD_INDEXES_FROM:
                # (not on a table with triggers: they look rows up by these indexes on every insert)
                rebuild = conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    "AND tbl_name IN ('sessions', 'touchpoints') AND tbl_name NOT IN "
                    "(SELECT tbl_name FROM sqlite_master WHERE type = 'trigger') ORDER BY name"
                ).fetchall()
                for name, _sql in rebuild:
                    conn.execute(f'DROP INDEX "{name}"')
            for begin in range(0, len(plans), _CHUNK):
                conn.executemany(
                    "INSERT INTO clients (id, name, name_kana, honorific, company, title, email, phone, postal_code, "
                    "address1, address2, birthday, referred_by, source, cadence_days, notes, do_not_contact, "
                    "archived, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    gen.client_rows(plans[begin:begin + _CHUNK], base_id + begin),
                )
                checkpoint(0.1 * min(len(plans), begin + _CHUNK) / max(1, len(plans)))
            share = 0.8 if rebuild else 0.85
            for begin in range(0, len(plans), _CHUNK):
                sessions, touchpoints = gen.history(plans[begin:begin + _CHUNK])
                conn.executemany(
                    "INSERT INTO sessions (client_id, date, kind, duration_minutes, fee, topic, notes) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    sessions,
                )
                conn.executemany("INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, ?, ?)",
                                 touchpoints)
                n_sessions += len(sessions)
                n_touchpoints += len(touchpoints)
                checkpoint(0.1 + share * min(len(plans), begin + _CHUNK) / max(1, len(plans)))
            for _name, sql in rebuild:
                conn.execute(sql)
            checkpoint(0.97)
            gen.tags(conn, plans)
            checkpoint(0.98)
            n_touchpoints += gen.community(db, plans)
            _price_in(conn, currency, base_id, base_event)
            _tier_history(db, as_of, len(plans))
            n_touchpoints += _past_decisions(db, as_of, len(plans), base_id, random.Random(rng.random()))
            checkpoint(1.0)
    finally:
        for name, value in saved.items():
            db.conn.execute(f"PRAGMA {name} = {int(value)}")
    _sample_sender(db, gen.lang)
    return DemoSummary(clients=len(plans), sessions=n_sessions, touchpoints=n_touchpoints)


def _tier_history(db, as_of: dt.date, clients: int) -> None:
    """The tiers as they were at the start of each quarter of the last three years, then today: the
    sample practice has a history ("VIP since 2025-04-01"), as one that has used LoyalDesk for years.
    (Large samples, made for measuring, skip it.)"""
    if clients > HISTORY_MAX_CLIENTS:
        return
    from loyaldesk.core import loyalty

    first = (as_of.year - 3) * 4 + (as_of.month - 1) // 3
    last = as_of.year * 4 + (as_of.month - 1) // 3
    for index in range(first, last + 1):
        day = dt.date(index // 4, 3 * (index % 4) + 1, 1)
        if day < as_of:
            loyalty.refresh_tiers(db, day, report=False)
    loyalty.refresh_tiers(db, as_of, report=False)


HISTORY_MAX_CLIENTS = 2000


def _past_decisions(db, as_of: dt.date, clients: int, base_id: int, rng: random.Random) -> int:
    """What a consultant using LoyalDesk would already have done: most long-standing VIP clients were
    asked for a referral a few weeks after they became VIP, about half were offered a community role
    this year, and some of the recognitions of this half-year happened. Each is a decision with its
    contact, dated in the past, as `suggestions.act` records it. Only the sample's own clients (ids
    above base_id); returns the contacts logged."""
    if clients > HISTORY_MAX_CLIENTS:
        return 0
    from loyaldesk.core import suggestions

    logged = 0
    for s in suggestions.open_suggestions(db, as_of, lang="en"):
        if s.client_id <= base_id:
            continue
        if s.kind == "referral_request" and s.cycle == suggestions.REFERRAL_CYCLE_VIP:
            since = (as_of - s.due).days
            if since < 90 or rng.random() > 0.75:
                continue
            day = s.due + dt.timedelta(days=rng.randint(14, 60))
        elif s.kind == "role_offer" and rng.random() < 0.5:
            day = max(s.due, as_of - dt.timedelta(days=300)) + dt.timedelta(days=rng.randint(0, 60))
        elif s.kind == "recognition" and rng.random() < 0.4:
            day = s.due + dt.timedelta(days=rng.randint(10, 120))
        else:
            continue
        if day < as_of:
            suggestions.act(db, s, "done", on=day)
            logged += 1
    return logged


def _price_in(conn, currency: str, base_id: int, base_event: int) -> None:
    """The sample fees are planned in yen; another currency gets round amounts of its own (a
    ¥20,000 consultation is $135.00, not $133.33): a price list for the sample, not a conversion."""
    if currency == "JPY":
        return
    from loyaldesk.core import money

    one = 10 ** money.decimals(currency)  # minor units in one unit of the currency
    step = 5 * one  # fees in steps of 5 units
    for table, column, base in (("sessions", "client_id", base_id), ("events", "id", base_event)):
        conn.execute(f"UPDATE {table} SET fee = CAST(ROUND(fee / 150.0 / 5) AS INTEGER) * ? "
                     f"WHERE {column} > ? AND fee > 0", (step, base))


def _sample_sender(db, lang: str) -> None:
    """The sample practice signs its letters and cards: the sample consultant's Japanese and English sender
    profiles (each document takes the one of its language), unless one is stored already (the user's own is
    never replaced)."""
    from loyaldesk.core.letters.sender import SenderProfile, SenderProfiles, load_profiles, save_profiles

    stored = load_profiles(db)
    if stored.ja.filled or stored.en.filled:
        return
    save_profiles(db, SenderProfiles(
        SenderProfile(name="高橋 恵子", name_kana="タカハシ ケイコ", business="高橋経営相談室", postal_code="1500041",
                      address="東京都渋谷区神南1-2-3\nサンプルビル5階", phone="03-1234-5678",
                      email="keiko@example.com", website="https://example.com"),
        SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory", postal_code="150-0041",
                      address="5F Sample Bldg., 1-2-3 Jinnan\nShibuya-ku, Tokyo 150-0041, Japan", phone="+81 3 1234 5678",
                      email="keiko@example.com", website="https://example.com/en")))


class _Generator:
    def __init__(self, rng: random.Random, as_of: dt.date, lang: str) -> None:
        self.rng = rng
        self.as_of = as_of
        self.lang = lang if lang in _SEGMENT_TAGS else "en"
        self.origin = as_of - dt.timedelta(days=HISTORY_DAYS)
        self.last = HISTORY_DAYS  # day index of as_of
        self.earlier: list[_Plan] = []
        self.earlier_loyal: list[_Plan] = []
        days = [self.origin + dt.timedelta(days=i) for i in range(HISTORY_DAYS + 1)]
        self.iso = [d.isoformat() for d in days]
        self.sunday = [d.weekday() == 6 for d in days]
        # yearly and quarterly dates as day indices inside the history
        self.new_year: list[int] = []
        self.summer: list[int] = []
        self.holiday: list[int] = []
        self.newsletter: list[int] = []
        for year in range(self.origin.year, as_of.year + 1):
            for target, month, day in ((self.new_year, 1, 1), (self.summer, 7, 20), (self.holiday, 12, 15)):
                idx = (dt.date(year, month, day) - self.origin).days
                if 0 <= idx <= self.last:
                    target.append(idx)
            for month in (1, 4, 7, 10):
                idx = (dt.date(year, month, 10) - self.origin).days
                if 0 <= idx <= self.last:
                    self.newsletter.append(idx)

    # --- clients ----------------------------------------------------------------------------
    def plan(self, count: int) -> list[_Plan]:
        rnd = self.rng.random
        randint = _fast_randint(self.rng.random)
        last = self.last
        plans: list[_Plan] = []
        for _ in range(count):
            p = _Plan()
            r = rnd()
            p.ja = rnd() < 0.75
            p.lapsed = False
            if r < 0.05:
                p.tier = _PROSPECT
                p.start = None
                p.created = last - int(540 * rnd() ** 1.5)
            elif r < 0.25:
                p.tier = _LOYAL
                # long tenure is typical of the loyal core: bias the start towards the past
                p.start = int((last - 300) * rnd() ** 1.2)
                if rnd() < 0.15 and p.start < last - 500:
                    p.lapsed = True
                    p.end = last - randint(100, 400)
            elif r < 0.40:
                p.tier = _REGULAR
                p.start = int((last - 150) * rnd() ** 0.9)
            elif r < 0.92:
                p.tier = _OCCASIONAL
                p.start = int((last - 91) * rnd() ** 0.8)  # the practice grew: more clients lately
            else:
                p.tier = _NEW
                p.start = last - randint(0, 89)
            if p.start is not None:
                p.created = max(0, p.start - int(21 * rnd() ** 2))
            if not p.lapsed:
                p.end = last
            p.referrals = 0
            p.referrer = None
            plans.append(p)
        # ids follow the order in which clients were added, so a referrer always has a smaller id
        plans.sort(key=lambda p: p.created)
        return plans

    def client_rows(self, plans: list[_Plan], base_id: int) -> list[tuple]:
        """Rows for the next batch of clients (in order), the first getting id base_id + 1."""
        rng = self.rng
        rnd = rng.random
        randint = _fast_randint(rng.random)
        iso = self.iso
        last = self.last
        year0 = self.origin.year
        earlier = self.earlier  # clients added so far (not prospects): possible referrers
        earlier_loyal = self.earlier_loyal
        rows = []
        for i, p in enumerate(plans):
            cid = base_id + i + 1
            p.cid = cid
            ja = p.ja
            lang = "ja" if ja else "en"
            if ja:
                fam = _pick(rnd, _JA_FAMILY)
                giv = _pick(rnd, _JA_GIVEN)
                name = f"{fam[0]} {giv[0]}"
                kana = f"{fam[1]} {giv[1]}"
                first_r, last_r = giv[2], fam[2]
                honorific = "様"
            else:
                first, first_k = _pick(rnd, _EN_FIRST)
                family, family_k = _pick(rnd, _EN_LAST)
                name = f"{first} {family}"
                kana = f"{first_k} {family_k}"
                first_r, last_r = first.lower(), family.lower()
                honorific = ""
            # organisation
            company = title = ""
            p.professional = p.startup = p.owner = False
            r = rnd()
            if ja and r < 0.55:
                kind = rnd()
                if kind < 0.12:
                    company = _pick(rnd, _JA_FAMILY)[0] + _pick(rnd, _JA_PROFESSIONAL)
                    title = _pick(rnd, ("所長", "代表"))
                    p.professional = True
                elif kind < 0.27:
                    company = _pick(rnd, _JA_FAMILY)[0] + _pick(rnd, _JA_FAMILY_BUSINESS)
                    title = _pick(rnd, _JA_OWNER_TITLES)
                elif kind < 0.42:
                    company = "合同会社" + _pick(rnd, _JA_COMPANY_STEMS)
                    title = "代表社員"
                    p.startup = rnd() < 0.6
                    p.owner = True
                else:
                    stem = _pick(rnd, _JA_COMPANY_STEMS)
                    company = f"株式会社{stem}" if rnd() < 0.6 else f"{stem}株式会社"
                    title = _pick(rnd, _JA_TITLES)
                    p.startup = rnd() < 0.12
            elif not ja and r < 0.5:
                company = f"{_pick(rnd, _EN_COMPANY_STEMS)} {_pick(rnd, _EN_COMPANY_SUFFIX)}"
                title = _pick(rnd, _EN_TITLES)
                p.startup = company.endswith(("LLC", "Inc.")) and rnd() < 0.35
            p.owner = p.owner or title in _OWNER_TITLES
            # contact details
            if rnd() < 0.93:
                style = rnd()
                if style < 0.5:
                    local = f"{first_r}.{last_r}"
                elif style < 0.8:
                    local = f"{last_r}.{first_r}"
                else:
                    local = f"{first_r[0]}{last_r}"
                domains = _EMAIL_DOMAINS_JA if ja else _EMAIL_DOMAINS_EN
                email = f"{local}{cid}@{_pick(rnd, domains)}"
            else:
                email = ""
            if rnd() < 0.5:
                place, prefixes, towns, area = _PLACES[int(rnd() * _TOKYO_WEIGHT)]
            else:
                place, prefixes, towns, area = _pick(rnd, _PLACES)
            r = rnd()
            if r < 0.65:
                phone = f"{_pick(rnd, ('090', '090', '080', '070'))}-{randint(1000, 9999)}-{randint(0, 9999):04d}"
            elif r < 0.9:  # a landline in the area of the address: 10 digits in all
                if len(area) == 2:
                    phone = f"{area}-{randint(3000, 6999)}-{randint(0, 9999):04d}"
                elif len(area) == 3:
                    phone = f"{area}-{randint(200, 999)}-{randint(0, 9999):04d}"
                else:
                    phone = f"{area}-{randint(20, 99)}-{randint(0, 9999):04d}"
            else:
                phone = ""
            if rnd() < 0.85:
                postal = f"{_pick(rnd, prefixes)}-{randint(0, 9999):04d}"
                address1 = f"{place}{_pick(rnd, towns)}{randint(1, 5)}-{randint(1, 20)}-{randint(1, 30)}"
                r = rnd()
                if company and r < 0.7:
                    address2 = f"{_pick(rnd, _BUILDINGS)} {randint(1, 12)}F"
                elif r < 0.45:
                    address2 = f"{_pick(rnd, _BUILDINGS)} {randint(1, 9)}0{randint(1, 9)}号室"
                else:
                    address2 = ""
            else:
                postal = address1 = address2 = ""
            birthday = None
            p.birthday = None
            if rnd() < 0.6:
                born = dt.date(year0 - randint(25, 68), 1, 1) + dt.timedelta(days=randint(0, 364))
                birthday = born.isoformat()
                p.birthday = (born.month, born.day)
            # referral: ~20% of the clients who joined after the first year
            referred_by = None
            if p.tier != _PROSPECT and p.created > 365 and earlier and rnd() < 0.2:
                pool = earlier_loyal if earlier_loyal and rnd() < 0.8 else earlier
                ref = _pick(rnd, pool)
                referred_by = ref.cid
                ref.referrals += 1
                p.referrer = ref
                source = _REFERRAL_SOURCE[lang]
            else:
                source = _pick(rnd, _SOURCES[lang])
            # contact rhythm and flags
            cadence = None
            r = rnd()
            if p.tier == _LOYAL:
                cadence = 30 if r < 0.12 else 60 if r < 0.22 else None
            elif p.tier == _OCCASIONAL and r < 0.04:
                cadence = 180
            elif r < 0.03:
                cadence = 60
            notes = _pick(rnd, _CLIENT_NOTES[lang]) if rnd() < 0.15 else ""
            do_not_contact = 1 if p.tier != _LOYAL and rnd() < 0.022 else 0
            archived = 0
            if p.tier == _OCCASIONAL and p.start < last - 540 and rnd() < 0.09:
                archived = 1
            elif p.tier == _PROSPECT and p.created < last - 365 and rnd() < 0.2:
                archived = 1
            # newsletter and season's cards: who is on the consultant's lists
            r = rnd()
            subscribe_p = (0.5, 0.55, 0.6, 0.55, 0.5)[p.tier]
            p.subscribed = not do_not_contact and r < subscribe_p
            p.sub_end = last if rnd() < 0.8 else randint(p.created, last)
            p.card_list = not do_not_contact and rnd() < (0.0, 0.9, 0.6, 0.25, 0.3)[p.tier]
            created_at = f"{iso[p.created]}T{randint(9, 19):02d}:{randint(0, 59):02d}:{randint(0, 59):02d}"
            rows.append((cid, name, kana, honorific, company, title, email, phone, postal, address1, address2,
                         birthday, referred_by, source, cadence, notes, do_not_contact, archived, created_at))
            p.row = (lang, do_not_contact, archived)
            if p.tier != _PROSPECT:
                earlier.append(p)
                if p.tier == _LOYAL and not p.lapsed:
                    earlier_loyal.append(p)
        return rows

    # --- sessions and touchpoints -------------------------------------------------------------
    def history(self, plans: list[_Plan]) -> tuple[list[tuple], list[tuple]]:
        rng = self.rng
        rnd = rng.random
        randint = _fast_randint(rng.random)
        iso = self.iso
        sunday = self.sunday
        last = self.last
        sessions: list[tuple] = []
        touchpoints: list[tuple] = []
        add_s = sessions.append
        add_t = touchpoints.append
        for p in plans:
            cid = p.cid
            lang, dnc, archived = p.row
            kinds = _KINDS[lang]
            topics = _TOPICS[lang]
            n_topics = len(topics)
            snotes = _SESSION_NOTES[lang]
            tp_notes = _TP_NOTES[lang]
            tier = p.tier

            # --- the schedule of session days
            days: list[int] = []
            if tier == _LOYAL:
                mean = randint(24, 48)
                d, end = p.start, p.end
                while d <= end:
                    days.append(d)
                    d += int(mean * (0.6 + 0.8 * rnd())) if rnd() > 0.04 else randint(60, 120)
            elif tier == _REGULAR:
                n = randint(5, 16)
                mean = randint(30, 100)
                d = p.start
                for _ in range(n):
                    if d > last:
                        break
                    days.append(d)
                    d += int(mean * (0.5 + rnd()))
            elif tier == _OCCASIONAL or tier == _NEW:
                r = rnd()
                n = 1 if r < 0.55 else 2 if r < 0.85 else 3
                d = p.start
                for _ in range(n):
                    if d > last:
                        break
                    days.append(d)
                    d += randint(14, 120) if tier == _OCCASIONAL else randint(10, 35)

            # --- the sessions themselves
            if days:
                rate = int(10 + 20 * rnd() ** 1.5) * 1000  # consultation fee of this client
                if tier == _LOYAL and rnd() < 0.45:
                    retainer_fee = _pick(rnd, (30000, 30000, 50000, 50000, 80000, 100000))
                    mix = (0.08, 0.16, 0.96)  # consult, workshop, retainer, seminar (cumulative)
                elif tier == _LOYAL:
                    retainer_fee = 0
                    mix = (0.7, 0.85, 0.85)
                elif tier == _REGULAR:
                    retainer_fee = 0
                    mix = (0.6, 0.85, 0.85)
                else:
                    retainer_fee = 0
                    mix = (0.75, 0.85, 0.85)
                project = tier == _OCCASIONAL and rnd() < 0.1  # a one-off project: one big sale, not loyalty
                free_first = tier != _LOYAL and rnd() < 0.25
                for k, d in enumerate(days):
                    if sunday[d]:
                        d = d + 1 if d < last else d - 1
                    r = rnd()
                    if k == 0 and free_first:
                        add_s((cid, iso[d], kinds[_CONSULT], _pick(rnd, (30, 45, 60)), 0,
                               topics[int(rnd() * n_topics)], _FREE_FIRST[lang]))
                        continue
                    if project:
                        kind = _WORKSHOP
                        fee = randint(80, 150) * 1000
                        project = False
                    elif r < mix[0]:
                        kind = _CONSULT
                        fee = int(rate * (0.85 + 0.3 * rnd()) / 1000 + 0.5) * 1000
                    elif r < mix[1]:
                        kind = _WORKSHOP
                        fee = randint(30, 80) * 1000
                    elif r < mix[2]:
                        kind = _RETAINER
                        fee = retainer_fee
                    else:
                        kind = _SEMINAR
                        fee = randint(5, 15) * 1000
                    durations = _DURATIONS[kind]
                    add_s((cid, iso[d], kinds[kind], durations[int(rnd() * len(durations))], fee,
                           topics[int(rnd() * n_topics)], snotes[int(rnd() * len(snotes))] if rnd() < 0.25 else ""))

            ref = p.referrer
            if ref is not None and not ref.row[1]:
                # thank the referrer when the referred client arrives
                d = p.created + randint(1, 7)
                if d <= last:
                    channel, note = _pick(rnd, _REFERRAL_THANKS[ref.row[0]])
                    add_t((ref.cid, iso[d], channel, note))

            if dnc:
                continue  # the consultant respects the wish: no contact logged

            # --- touchpoints
            if not days:  # a prospect: how they met
                if rnd() < 0.6:
                    channel, note = _pick(rnd, _PROSPECT_TP[lang])
                    add_t((cid, iso[p.created], channel, note))
            else:
                first, final = days[0], days[-1]
                if rnd() < (0.9 if tier == _LOYAL else 0.6):
                    d = first + randint(1, 4)
                    if d <= last:
                        channel, note = _pick(rnd, _THANKS[lang])
                        add_t((cid, iso[d], channel, note))
                if tier == _LOYAL:
                    # regular non-sales contact between sessions
                    stop = min(last, p.end + (60 if p.lapsed else 0))
                    mean = randint(30, 75)
                    d = first + randint(10, 40)
                    while d <= stop:
                        channel = _LOYAL_CHANNELS[int(rnd() * len(_LOYAL_CHANNELS))]
                        pool = tp_notes[channel]
                        add_t((cid, iso[d], channel, pool[int(rnd() * len(pool))]))
                        d += int(mean * (0.5 + rnd()))
                    # remembered birthdays
                    if p.birthday is not None and rnd() < 0.7:
                        month, day = p.birthday
                        for year in range(self.origin.year, self.as_of.year + 1):
                            if month == 2 and day == 29:
                                day = 28
                            d = (dt.date(year, month, day) - self.origin).days
                            if first < d <= stop:
                                channel, note = _pick(rnd, _BIRTHDAY[lang])
                                add_t((cid, iso[d], channel, note))
                elif tier == _REGULAR and rnd() < 0.6:
                    # hello mail or call now and then after the sessions ended
                    stop = min(last, final + randint(100, 800))
                    d = final + randint(60, 150)
                    while d <= stop:
                        channel = _pick(rnd, _HELLO_CHANNELS)
                        pool = tp_notes[channel]
                        add_t((cid, iso[d], channel, pool[int(rnd() * len(pool))]))
                        d += randint(90, 220)
                if p.card_list and not archived:
                    end = p.end if p.lapsed else last
                    if lang == "ja":
                        for d in self.new_year[bisect_right(self.new_year, first):bisect_right(self.new_year, end)]:
                            if rnd() < 0.04:  # in mourning that year: 寒中見舞い after 松の内 instead
                                add_t((cid, iso[min(last, d + randint(10, 30))], "card", "寒中見舞い"))
                            else:
                                add_t((cid, iso[d], "card", "年賀状"))
                        if tier == _LOYAL:
                            for d in self.summer[bisect_right(self.summer, first):bisect_right(self.summer, end)]:
                                add_t((cid, iso[d + randint(0, 14)] if d + 14 <= last else iso[d], "card", "暑中見舞い"))
                    else:
                        for d in self.holiday[bisect_right(self.holiday, first):bisect_right(self.holiday, end)]:
                            add_t((cid, iso[d], "card", "Holiday card"))
            if p.subscribed and not archived:
                begin = p.start if p.start is not None else p.created
                end = min(p.sub_end, p.end + 120) if p.lapsed else p.sub_end
                note = _NEWSLETTER[lang]
                for d in self.newsletter[bisect_left(self.newsletter, begin):bisect_right(self.newsletter, end)]:
                    add_t((cid, iso[d], "email", note))
        return sessions, touchpoints

    # --- tags -------------------------------------------------------------------------------
    def tags(self, conn, plans: list[_Plan]) -> None:
        rng = self.rng
        rnd = rng.random
        randint = _fast_randint(rng.random)
        iso = self.iso
        last = self.last
        roles = dict(conn.execute("SELECT builtin_key, id FROM tags WHERE builtin_key IS NOT NULL").fetchall())
        names = _SEGMENT_TAGS[self.lang]
        conn.executemany("INSERT OR IGNORE INTO tags (name, category) VALUES (?, 'segment')", [(n,) for n in names])
        seg = [conn.execute("SELECT id FROM tags WHERE name = ?", (n,)).fetchone()[0] for n in names]
        owner_tag, professional_tag, startup_tag, newsletter_tag = seg
        rows: list[tuple] = []
        eligible: list[_Plan] = []  # loyal for more than a year and still active
        for p in plans:
            lang, dnc, archived = p.row
            since = iso[p.created]
            if p.owner:
                rows.append((p.cid, owner_tag, since))
            if p.professional:
                rows.append((p.cid, professional_tag, since))
            if p.startup:
                rows.append((p.cid, startup_tag, since))
            if p.subscribed and p.sub_end == last and not archived:
                begin = p.start if p.start is not None else p.created
                rows.append((p.cid, newsletter_tag, iso[begin]))
            if p.tier == _LOYAL and not p.lapsed and not dnc and p.start < last - 400:
                eligible.append(p)
        # community roles: a few loyal clients each; ambassadors are the loyal clients who refer others
        chosen: dict[str, list[_Plan]] = {key: [] for key in _ROLE_KEYS}
        for p in eligible:
            if p.referrals >= 3 or (p.referrals == 2 and rnd() < 0.4):
                chosen["ambassador"].append(p)
            elif rnd() < 0.12:
                chosen[_pick(rnd, _ROLE_KEYS[:4])].append(p)
        for key in _ROLE_KEYS:
            if not chosen[key] and eligible:  # every role has someone in a practice that has loyal clients
                chosen[key].append(_pick(rnd, eligible))
        spells: list[tuple] = []  # role_history: every spell, until NULL while the role is held
        held: set[tuple[int, int]] = set()
        for key in _ROLE_KEYS:
            tag_id = roles.get(key)
            if tag_id is None:
                continue
            for p in chosen[key]:
                low = min(last, p.start + 365)
                # the event committee has been helping at events for a while already
                high = last - 420 if key == "event_committee" and low < last - 420 else last
                since = iso[randint(low, high)]
                rows.append((p.cid, tag_id, since))
                if (p.cid, tag_id) not in held:
                    held.add((p.cid, tag_id))
                    spells.append((p.cid, tag_id, since, None))
        # roles held before and handed on: a few long-standing loyal clients (some of them lapsed since)
        past: list[tuple] = []
        veterans = [p for p in plans if p.tier == _LOYAL and not p.row[1] and p.end - p.start >= 500]
        handed_on = [p for p in veterans if rnd() < 0.08] or veterans[:1]
        for p in handed_on:
            tag_id = roles.get(_pick(rnd, _ROLE_KEYS[:4]))
            begin = p.start + randint(180, 300)
            end = min(p.end, last - 30, begin + randint(150, 540))
            if tag_id is None or (p.cid, tag_id) in held or end <= begin:
                continue
            held.add((p.cid, tag_id))
            past.append((p.cid, tag_id, iso[begin], iso[end]))
        conn.executemany(
            "INSERT INTO client_tags (client_id, tag_id, since) VALUES (?, ?, ?) "
            "ON CONFLICT(client_id, tag_id) DO NOTHING",
            rows,
        )
        conn.executemany("INSERT INTO role_history (client_id, tag_id, since, until) VALUES (?, ?, ?, ?)",
                         spells + past)

    # --- the community --------------------------------------------------------------------------
    def community(self, db, plans: list[_Plan]) -> int:
        """Past events with both invitation waves, replies, attendance and committee helpers; two
        upcoming events whose early wave (先行案内) went out; awards at the results meetings and one
        for the half-year; a feedback round on a new service. Everything goes through
        loyaldesk.core.events, so attendance is an 'event' touchpoint like one ticked in the app.
        Returns the number of attendance touchpoints logged."""
        from loyaldesk.core import events

        rng = self.rng
        rnd = rng.random
        randint = _fast_randint(rnd)
        lang = self.lang
        last = self.last
        active = [p for p in plans if not p.row[1] and not p.row[2]]  # not do-not-contact, not archived
        loyal = [p for p in active if p.tier == _LOYAL]
        if not loyal:
            return 0
        committee = [(cid, dates.from_db(since)) for cid, since in db.query(
            "SELECT ct.client_id, ct.since FROM client_tags ct JOIN tags t ON t.id = ct.tag_id "
            "WHERE t.builtin_key = 'event_committee' AND ct.client_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY ct.client_id", (json.dumps([p.cid for p in loyal]),), plain=True)]
        kind_seen: dict[str, int] = {}
        attended_total = 0
        attendees_by_event: list[tuple[int, dt.date, str, list[_Plan]]] = []

        def at(day_index: int) -> dt.datetime:
            day = self.origin + dt.timedelta(days=day_index)
            return dt.datetime.combine(day, dt.time(randint(8, 21), randint(0, 59)))

        for offset, kind, weekday, hour, minute, early_before, general_before in _EVENT_PLAN:
            day = self.as_of + dt.timedelta(days=offset)
            day -= dt.timedelta(days=(day.weekday() - weekday) % 7)  # the weekday the kind is held on
            index = (day - self.origin).days
            number = kind_seen.get(kind, 0)
            kind_seen[kind] = number + 1
            place, online = _EVENT_PLACE["ja"][kind]  # the venue in Japan, and as English letters write it
            early_on = index - early_before
            general_on = index - general_before if general_before is not None else None
            # who could be written to when the waves went out: vip (loyal) first, then the newsletter list
            early = [p for p in loyal if p.start <= early_on - 60 and p.end >= early_on]
            listed_on = general_on if general_on is not None else early_on
            general = [p for p in active if p.tier != _LOYAL and p.start is not None and p.start <= listed_on
                       and p.subscribed and p.sub_end >= listed_on]
            capacity = min(_EVENT_CAPACITY[kind], max(4, (len(early) + len(general)) // 3))
            if general_on is None:
                general = []  # the general wave has not gone out yet
            # a very large sample invites a draw of each list, so that it stays quick to write
            if len(early) > _WAVE_LIMIT:
                early = sorted(rng.sample(early, _WAVE_LIMIT), key=lambda p: p.cid)
            if len(general) > _WAVE_LIMIT:
                general = sorted(rng.sample(general, _WAVE_LIMIT), key=lambda p: p.cid)
            starts = dt.datetime.combine(day, dt.time(hour, minute))
            how_ja, how_en = _EVENT_REPLY_HOW.get(kind, ("", ""))
            event = events.save_event(db, events.Event(
                None, _event_title(kind, day, number, lang), kind, starts,
                place, online, capacity, _EVENT_FEE[kind], _EVENT_NOTES[lang][kind],
                title_ja=_event_title(kind, day, number, "ja"), title_en=_event_title(kind, day, number, "en"),
                ends_at=starts + dt.timedelta(hours=_EVENT_HOURS[kind]),
                reply_by=day - dt.timedelta(days=_EVENT_REPLY_DAYS[kind]), reply_how_ja=how_ja, reply_how_en=how_en,
                place_en=_EVENT_PLACE["en"][kind][0]))
            if not early:
                continue
            events.invite(db, event.id, [p.cid for p in early], "early", on=self.origin + dt.timedelta(days=early_on))
            events.mark_sent(db, event.id, [p.cid for p in early], on=self.origin + dt.timedelta(days=early_on))
            if general:
                events.invite(db, event.id, [p.cid for p in general], "general",
                              on=self.origin + dt.timedelta(days=general_on))
                events.mark_sent(db, event.id, [p.cid for p in general], on=self.origin + dt.timedelta(days=general_on))
            # the replies: about half of the vip guests say yes within days; a few of the general list
            until = min(index - 1, last)
            yes: list[tuple[dt.datetime, _Plan, str]] = []
            for p in early if early_on < until else ():
                r = rnd()
                if r < (0.6 if kind == "results_meeting" else 0.5):
                    yes.append((at(randint(early_on, min(early_on + 10, until))), p, "early"))
                elif r < 0.75:
                    events.set_reply(db, event.id, p.cid, "no", at=at(randint(early_on, until)))
            if general and general_on < until:
                answering = rng.sample(general, min(len(general), max(2, len(general) // 6), capacity * 2))
                for p in answering:
                    reply_at = at(randint(general_on, until))
                    if rnd() < 0.6:
                        yes.append((reply_at, p, "general"))
                    else:
                        events.set_reply(db, event.id, p.cid, "no", at=reply_at)
            for reply_at, p, _wave in yes:
                events.set_reply(db, event.id, p.cid, "yes", at=reply_at)
            if offset > 0:
                continue  # upcoming: nobody has come yet, and the helpers are asked nearer the day
            # the day: seats go early wave first, then by the time of the reply (as the app seats them)
            seated = sorted(yes, key=lambda y: (y[2] != "early", y[0]))
            seat_notes = _SEAT_NOTES[lang]
            came: list[_Plan] = []
            for n, (_reply_at, p, wave) in enumerate(seated):
                if n < capacity:
                    if wave == "early" and rnd() < 0.12:
                        events.set_seat_note(db, event.id, p.cid, _pick(rnd, seat_notes))
                    if rnd() < 0.9:
                        came.append(p)
                elif rnd() < 0.3:  # from the waiting list: a seat freed up on the day
                    came.append(p)
            for p in came:
                events.set_attended(db, event.id, p.cid, True, early=True)  # a past event of the sample
            attended_total += len(came)
            attendees_by_event.append((event.id, day, kind, came))
            # helpers from the event committee (who held the role then)
            members = [cid for cid, since in committee if since is not None and since <= day]
            tasks = list(_HELPER_TASKS[lang])
            for cid in rng.sample(members, min(len(members), 1 + int(rnd() * 2))):
                events.assign_helper(db, event.id, cid, tasks.pop(int(rnd() * len(tasks))))

        # the next event's helpers are already lined up
        upcoming = events.next_event(db, self.as_of)
        if upcoming is not None and committee:
            events.assign_helper(db, upcoming.id, committee[0][0], _HELPER_TASKS[lang][0])

        # recognition: awards at the results meetings, and a supporter of the half-year
        awards = _AWARDS[lang]
        for event_id, day, kind, came in attendees_by_event:
            if kind != "results_meeting" or not came:
                continue
            ranked = sorted(came, key=lambda p: (p.tier != _LOYAL, p.start))
            for (title, note), p in zip(awards, rng.sample(ranked[:6], min(len(ranked), 6, len(awards)))):
                events.award(db, p.cid, title, day, event_id=event_id, note=note)
        supporter = committee[-1][0] if committee else loyal[int(rnd() * len(loyal))].cid
        limit = self.as_of - dt.timedelta(days=30)  # the last half-year that ended a month ago or more
        ended = dt.date(limit.year, 6, 30) if limit.month >= 7 else dt.date(limit.year - 1, 12, 31)
        title, note = _PERIOD_AWARD[lang]
        events.award(db, supporter, title, ended + dt.timedelta(days=14), period=_half_year(ended, lang), note=note)

        # co-creation: vip and candidate clients asked about a new service before it launches
        title, notes = _FEEDBACK_ROUND[lang]
        day = self.as_of - dt.timedelta(days=80)
        feedback = events.create_round(db, title, day, notes)
        asked = rng.sample(loyal, min(len(loyal), 15))
        events.invite_to_round(db, feedback.id, [p.cid for p in asked], day)
        said = _FEEDBACK_NOTES[lang]
        for p in asked:
            if rnd() < 0.65:
                events.record_feedback(db, feedback.id, p.cid, True, _pick(rnd, said))
        return attended_total
