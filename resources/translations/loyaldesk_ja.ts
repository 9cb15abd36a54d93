<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AddressesScreen</name>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="45"/>
        <source>Addresses</source>
        <translation>宛名印刷</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="53"/>
        <source>Postcards</source>
        <translation>はがき</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="54"/>
        <source>Envelopes</source>
        <translation>封筒</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="55"/>
        <source>Address labels</source>
        <translation>宛名ラベル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="61"/>
        <source>The first free label on a partly used sheet, counted row by row from the top left.</source>
        <translation>使いかけのシートで最初に空いているラベルの位置（左上から行ごとに数えます）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="67"/>
        <source>Address side</source>
        <translation>宛名面</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="68"/>
        <source>Message side</source>
        <translation>文面</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="69"/>
        <source>Both sides (address, then message)</source>
        <translation>両面（宛名面、続けて文面）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="70"/>
        <source>Both sides: two pages per card, the address side then its message side, for a printer that prints on both sides.</source>
        <translation>両面: はがき1枚につき2ページ（宛名面、続けてその文面）。両面印刷できるプリンター用です。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="74"/>
        <source>The message side&apos;s text: a letter template, filled in for each client. Edit the templates in Letters.</source>
        <translation>文面の内容: 顧客ごとに差し込みしたレターのテンプレートです。テンプレートは「レター」で編集できます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="79"/>
        <source>Horizontal (横書き)</source>
        <translation>横書き</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="80"/>
        <source>Vertical (縦書き)</source>
        <translation>縦書き</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="82"/>
        <source>Vertical writing applies to Japanese cards; English cards are always horizontal.</source>
        <translation>縦書きは日本語のはがきに適用されます。英語のはがきは常に横書きです。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="87"/>
        <source>Kanji (一二三)</source>
        <translation>漢数字（一二三）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="88"/>
        <source>Full-width digits (１２３)</source>
        <translation>全角数字（１２３）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="91"/>
        <source>Vertical stroke (一｜二)</source>
        <translation>縦棒（一｜二）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="92"/>
        <source>の (一の二)</source>
        <translation>の（一の二）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="95"/>
        <source>On the back</source>
        <translation>裏面</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="96"/>
        <source>Bottom left of the front</source>
        <translation>表面の左下</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="101"/>
        <source>x</source>
        <translation>横</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="101"/>
        <source>y</source>
        <translation>縦</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="106"/>
        <source>Calibration, across (mm)</source>
        <translation>位置調整・横（mm）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="107"/>
        <source>Calibration, down (mm)</source>
        <translation>位置調整・縦（mm）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="108"/>
        <source>Moves everything right (+) or left (−), in mm, when your printer shifts.</source>
        <translation>プリンターの印字がずれるときに、全体を右（＋）または左（−）に mm 単位で動かします。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="109"/>
        <source>Moves everything down (+) or up (−), in mm, when your printer shifts.</source>
        <translation>プリンターの印字がずれるときに、全体を下（＋）または上（−）に mm 単位で動かします。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="110"/>
        <source>Proof: draw the postal-code boxes</source>
        <translation>試し刷り: 郵便番号枠を印刷する</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="112"/>
        <source>For a test print on blank paper: the boxes and edges are drawn.</source>
        <translation>白紙への試し刷り用: 枠と用紙の端を印刷します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="115"/>
        <source>Print</source>
        <translation>印刷するもの</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="116"/>
        <source>Layout</source>
        <translation>レイアウト</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="117"/>
        <source>Start at label</source>
        <translation>開始位置</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="118"/>
        <source>Cards for</source>
        <translation>対象の季節</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="119"/>
        <source>Side</source>
        <translation>印刷面</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="120"/>
        <source>Message</source>
        <translation>文面</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="121"/>
        <source>Writing</source>
        <translation>書き方向</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="122"/>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="123"/>
        <source>Numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="124"/>
        <source>Between numbers</source>
        <translation>番地の区切り</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="125"/>
        <source>Sender</source>
        <translation>差出人</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="126"/>
        <source>Calibration (mm)</source>
        <translation>位置調整（mm）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="178"/>
        <source>New Year card %1</source>
        <translation>%1年の年賀状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="178"/>
        <source>Winter greeting %1 (寒中見舞い)</source>
        <translation>%1年の寒中見舞い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="179"/>
        <source>Summer greeting %1</source>
        <translation>%1年の暑中見舞い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="179"/>
        <source>Year-end greeting %1</source>
        <translation>%1年の年末のご挨拶</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="180"/>
        <source>Other card %1</source>
        <translation>%1年のその他の挨拶状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="233"/>
        <source>To send this season</source>
        <translation>今季の送付先</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="242"/>
        <source>長形3号 (120 × 235 mm, vertical)</source>
        <translation>長形3号（120 × 235 mm、縦書き）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="243"/>
        <source>DL (220 × 110 mm)</source>
        <translation>DL（220 × 110 mm）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="244"/>
        <source>#10 (9.5 × 4.125 in)</source>
        <translation>#10（9.5 × 4.125 インチ）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/addresses/screen.py" line="247"/>
        <source>%1: %2 labels</source>
        <translation>%1: %2面</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../loyaldesk/ui/app.py" line="254"/>
        <source>Backing up…</source>
        <translation>バックアップ中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/app.py" line="292"/>
        <source>Backup restored. The state before the restore was saved as %1.</source>
        <translation>バックアップを復元しました。復元前の状態は %1 として保存しました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/app.py" line="296"/>
        <source>Backup restored.</source>
        <translation>バックアップを復元しました。</translation>
    </message>
</context>
<context>
    <name>AppServices</name>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="204"/>
        <source>Client added: %1</source>
        <translation>顧客を追加しました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="204"/>
        <source>Client saved: %1</source>
        <translation>顧客情報を保存しました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="212"/>
        <source>Session logged: %1, %2</source>
        <translation>セッションを記録しました: %1（%2）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="212"/>
        <source>Session saved: %1, %2</source>
        <translation>セッションを保存しました: %1（%2）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="219"/>
        <source>Session deleted: %1</source>
        <translation>セッションを削除しました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="225"/>
        <source>Contact logged: %1, %2</source>
        <translation>連絡を記録しました: %1（%2）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="225"/>
        <source>Contact saved: %1, %2</source>
        <translation>連絡を保存しました: %1（%2）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="232"/>
        <source>Contact deleted: %1</source>
        <translation>連絡を削除しました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="248"/>
        <source>Archived: %1</source>
        <translation>アーカイブしました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="248"/>
        <source>Restored: %1</source>
        <translation>復元しました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="258"/>
        <source>Client deleted permanently.</source>
        <translation>顧客を完全に削除しました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="451"/>
        <source>Archive %1</source>
        <translation>%1をアーカイブ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="453"/>
        <source>Restore %1</source>
        <translation>%1を復元</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="486"/>
        <source>Done: %1 · %2</source>
        <translation>対応済み: %1・%2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="487"/>
        <source>Snooze: %1 · %2</source>
        <translation>保留: %1・%2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="488"/>
        <source>Dismiss: %1 · %2</source>
        <translation>見送り: %1・%2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="532"/>
        <source>Record as sent: %1 (%2)</source>
        <translation>送付済みとして記録: %1（%2件）</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="49"/>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="209"/>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="247"/>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="52"/>
        <source>LoyalDesk backs this database up when it opens it, before every import and upgrade, and before a restore. It keeps the most recent backups and one for each month.</source>
        <translation>LoyalDesk は、データベースを開いたとき、取り込みとアップグレードの前、復元の前に自動でバックアップします。最近のバックアップと、月ごとに 1つずつを保存します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="55"/>
        <source>Folder: %1</source>
        <translation>保存先: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="64"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="64"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="64"/>
        <source>Clients</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="64"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="72"/>
        <source>No backups yet.</source>
        <translation>バックアップはまだありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="77"/>
        <source>&amp;Back up now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="79"/>
        <source>&amp;Restore…</source>
        <translation>復元(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="81"/>
        <source>Open &amp;folder</source>
        <translation>フォルダを開く(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="105"/>
        <source>When opened</source>
        <translation>起動時</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="106"/>
        <source>Before an import</source>
        <translation>取り込み前</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="107"/>
        <source>Before an upgrade</source>
        <translation>アップグレード前</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="108"/>
        <source>Before a restore</source>
        <translation>復元前</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="109"/>
        <source>Backed up by hand</source>
        <translation>手動</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="110"/>
        <source>Before the sample data replaced it</source>
        <translation>サンプルデータで置き換える前</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="112"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="126"/>
        <source>unreadable</source>
        <translation>読み取れません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="138"/>
        <source>Made by a newer version of LoyalDesk; it cannot be restored here.</source>
        <translation>新しいバージョンの LoyalDesk で作成されたため、ここでは復元できません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="186"/>
        <source>Backing up…</source>
        <translation>バックアップ中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="199"/>
        <source>Backup written: %1</source>
        <translation>バックアップを作成しました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="207"/>
        <source>The backup could not be made: %1
Nothing was changed.</source>
        <translation>バックアップを作成できませんでした: %1
何も変更していません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="214"/>
        <source>Backup cancelled; nothing was written.</source>
        <translation>バックアップを中止しました。何も書き込んでいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="224"/>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="234"/>
        <source>Restore backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="230"/>
        <source>Restore the backup of %1 (clients: %2)?

The current state of the database will be backed up first. LoyalDesk will then close the database, replace it with this backup and reopen it.</source>
        <translation>%1 のバックアップ（顧客 %2名）を復元しますか？

現在のデータベースの状態を先にバックアップします。その後 LoyalDesk はデータベースを閉じ、このバックアップに置き換えて開き直します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="248"/>
        <source>The backup folder cannot be created: %1</source>
        <translation>バックアップフォルダを作成できません: %1</translation>
    </message>
</context>
<context>
    <name>CalendarImportDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="75"/>
        <source>Import sessions from a calendar</source>
        <translation>カレンダーからセッションを取り込む</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="94"/>
        <source>Keep all-day events</source>
        <translation>終日の予定も取り込む</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="98"/>
        <source>e.g. you@example.com, you@office.example</source>
        <translation>例: you@example.com, you@office.example</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="99"/>
        <source>Events you declined are skipped; you are never taken for a client.</source>
        <translation>あなたが辞退した予定は取り込みません。あなた自身が顧客とみなされることはありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="116"/>
        <source>Read again</source>
        <translation>読み直す</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="119"/>
        <source>From:</source>
        <translation>開始日:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="121"/>
        <source>To:</source>
        <translation>終了日:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="131"/>
        <source>Your e-mails in the calendar:</source>
        <translation>カレンダー上のあなたのメールアドレス:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="139"/>
        <source>one per line: keyword = kind, e.g. セミナー = seminar</source>
        <translation>1行に 1つ: キーワード = 種類（例: セミナー = セミナー後の個別相談）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="143"/>
        <source>Session kinds</source>
        <translation>セッションの種類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="145"/>
        <source>Kind when no keyword is found:</source>
        <translation>キーワードがないときの種類:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="146"/>
        <source>Keywords in the title:</source>
        <translation>タイトル中のキーワード:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="148"/>
        <source>Events</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="161"/>
        <source>Only events without a client</source>
        <translation>顧客が決まらない予定だけ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="166"/>
        <source>Event</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="166"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="166"/>
        <source>Action</source>
        <translation>処理</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="166"/>
        <source>Client</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="167"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="167"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="181"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="183"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="189"/>
        <source>Nothing is written until you choose Import.</source>
        <translation>「取り込む」を押すまで何も書き込みません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="244"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="277"/>
        <source>%1 events from %2 to %3 (and the booked ones ahead)</source>
        <translation>%2〜%3 の予定 %1件（と今後の予約）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="286"/>
        <source>To add: %1 · to update: %2 · skipped: %3 · without a client: %4 · next sessions: %5</source>
        <translation>追加: %1 · 更新: %2 · スキップ: %3 · 顧客未定: %4 · 次回の予定: %5</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="299"/>
        <source>add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="300"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="301"/>
        <source>skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="302"/>
        <source>no client</source>
        <translation>顧客未定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="303"/>
        <source>next session</source>
        <translation>次回の予定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="327"/>
        <source>(no title)</source>
        <translation>（タイトルなし）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="346"/>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="361"/>
        <source>— leave out —</source>
        <translation>— 取り込まない —</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="370"/>
        <source>type a name…</source>
        <translation>名前を入力…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="421"/>
        <source>Importing…</source>
        <translation>取り込み中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="437"/>
        <source>Nothing was imported; your data is unchanged.</source>
        <translation>何も取り込んでいません。データは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="441"/>
        <source>Import cancelled; nothing was written.</source>
        <translation>取り込みを中止しました。何も書き込んでいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="105"/>
        <source>This computer&apos;s (UTC%1)</source>
        <translation>このコンピューターの設定（UTC%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="114"/>
        <source>Sessions are dated in the practice&apos;s time zone; events in other zones are converted.</source>
        <translation>セッションの日付は事業のタイムゾーンで記録します。ほかのタイムゾーンの予定は換算します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/calendar_dialog.py" line="124"/>
        <source>Time zone:</source>
        <translation>タイムゾーン:</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="61"/>
        <source>Chart</source>
        <translation>グラフ</translation>
    </message>
</context>
<context>
    <name>ClientDetail</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="174"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="514"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="175"/>
        <source>Log session…</source>
        <translation>セッションを記録…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="176"/>
        <source>Log contact…</source>
        <translation>連絡を記録…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="177"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="332"/>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="178"/>
        <source>Delete permanently…</source>
        <translation>完全に削除…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="197"/>
        <source>Tag or role…</source>
        <translation>タグ・役割を追加…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="251"/>
        <source>Loyalty</source>
        <translation>ロイヤルティ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="254"/>
        <source>Next actions</source>
        <translation>次のアクション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="258"/>
        <source>Tags and roles</source>
        <translation>タグ・役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="269"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="286"/>
        <source>Client sections</source>
        <translation>顧客情報の区分</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="287"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="290"/>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="288"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="291"/>
        <source>Profile</source>
        <translation>プロフィール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="289"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="292"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="411"/>
        <source>Season cards</source>
        <translation>シーズンカード</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="293"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="326"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="294"/>
        <source>History of sessions and contacts, newest first</source>
        <translation>セッションと連絡の履歴（新しい順）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="320"/>
        <source>No client selected</source>
        <translation>顧客が選択されていません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="321"/>
        <source>Choose a client in the list to see their history.</source>
        <translation>一覧から顧客を選ぶと、その履歴が表示されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="332"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="340"/>
        <source>Overdue by %1 days</source>
        <translation>連絡超過 %1日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="346"/>
        <source>Next session: %1</source>
        <translation>次回のセッション: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="349"/>
        <source>Do not contact</source>
        <translation>連絡しない</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="351"/>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="355"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="356"/>
        <source>Other e-mails</source>
        <translation>ほかのメールアドレス</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="357"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="360"/>
        <source>Address (%1)</source>
        <translation>住所（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="360"/>
        <source>Other address</source>
        <translation>ほかの住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="365"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="366"/>
        <source>Other phones</source>
        <translation>ほかの電話番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="367"/>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="368"/>
        <source>Source</source>
        <translation>流入経路</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="369"/>
        <source>Referred by</source>
        <translation>紹介者</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="370"/>
        <source>Contact interval</source>
        <translation>連絡間隔</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="371"/>
        <source>%1 days</source>
        <translation>%1日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="373"/>
        <source>(for %1)</source>
        <translation>（%1の間隔）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="374"/>
        <source>(default)</source>
        <translation>（既定）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="375"/>
        <source>Client since</source>
        <translation>利用開始日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="376"/>
        <source>Sessions</source>
        <translation>セッション数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="377"/>
        <source>Lifetime revenue</source>
        <translation>累計売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="379"/>
        <source>Last contact</source>
        <translation>最終連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="379"/>
        <source>never</source>
        <translation>未連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="380"/>
        <source>Next session</source>
        <translation>次回のセッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="381"/>
        <source>Clients referred</source>
        <translation>紹介した顧客数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="391"/>
        <source>No tags or roles yet.</source>
        <translation>タグ・役割はまだありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="395"/>
        <source>Past roles: %1</source>
        <translation>過去の役割: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="401"/>
        <source>No notes.</source>
        <translation>メモはありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="404"/>
        <source>History (%1)</source>
        <translation>履歴（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="412"/>
        <source>%1 · in mourning</source>
        <translation>%1・喪中</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="413"/>
        <source>In mourning (喪中): no New Year card</source>
        <translation>喪中のため年賀状は送りません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="426"/>
        <source>score %1 / 100</source>
        <translation>スコア %1 / 100</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="431"/>
        <source>first ranked</source>
        <translation>初回判定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="447"/>
        <source>(due %1)</source>
        <translation>（期日 %1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="459"/>
        <source>%1 (in the calendar)</source>
        <translation>%1（カレンダーより）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="462"/>
        <source>mobile</source>
        <translation>携帯</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="462"/>
        <source>work</source>
        <translation>勤務先</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="462"/>
        <source>home</source>
        <translation>自宅</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="462"/>
        <source>fax</source>
        <translation>FAX</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="463"/>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="515"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="96"/>
        <source>Edit client</source>
        <translation>顧客を編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="96"/>
        <source>New client</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="106"/>
        <source>Family name first, e.g. 山田 太郎</source>
        <translation>姓・名の順（例: 山田 太郎）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="107"/>
        <source>Reading (フリガナ), used for sorting</source>
        <translation>フリガナ（並べ替えに使用）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="113"/>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="123"/>
        <source>Building, room</source>
        <translation>建物名・部屋番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="124"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（任意）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="125"/>
        <source>How they found you, e.g. referral, seminar</source>
        <translation>知ったきっかけ（例: 紹介、セミナー）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="127"/>
        <source>Type a name (optional)</source>
        <translation>氏名を入力（任意）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="146"/>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="147"/>
        <source>Default (%1 days)</source>
        <translation>既定（%1日）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="150"/>
        <source>Do not contact (never shown as overdue)</source>
        <translation>連絡しない（連絡超過として表示しない）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="160"/>
        <source>&amp;Name *</source>
        <translation>氏名(&amp;N) *</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="163"/>
        <source>&amp;Reading</source>
        <translation>フリガナ(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="164"/>
        <source>&amp;Company</source>
        <translation>会社名(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="165"/>
        <source>&amp;Title</source>
        <translation>役職(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="166"/>
        <source>&amp;E-mail</source>
        <translation>メール(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="167"/>
        <source>&amp;Phone</source>
        <translation>電話(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="118"/>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="171"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="172"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="174"/>
        <source>Address, second line</source>
        <translation>住所（2行目）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="175"/>
        <source>&amp;Birthday</source>
        <translation>誕生日(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="176"/>
        <source>Source</source>
        <translation>流入経路</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="177"/>
        <source>Referred by</source>
        <translation>紹介者</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="178"/>
        <source>Contact interval</source>
        <translation>連絡間隔</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="180"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="194"/>
        <source>Unknown postal code</source>
        <translation>該当する住所がない郵便番号です</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="199"/>
        <source>Address filled in from the postal code</source>
        <translation>郵便番号から住所を入力しました</translation>
    </message>
</context>
<context>
    <name>ClientsScreen</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="54"/>
        <source>Search name, reading, company, e-mail, tags, notes…</source>
        <translation>氏名・フリガナ・会社名・メール・タグ・メモで検索…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="62"/>
        <source>Overdue only</source>
        <translation>連絡超過のみ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="72"/>
        <source>All tiers</source>
        <translation>すべてのランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="78"/>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="82"/>
        <source>Archived clients</source>
        <translation>アーカイブ済みの顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="84"/>
        <source>Show archived clients instead of active ones</source>
        <translation>現在の顧客の代わりに、アーカイブ済みの顧客を表示します</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="86"/>
        <source>New client</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="97"/>
        <source>Tag:</source>
        <translation>タグ:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="106"/>
        <source>Tier filter</source>
        <translation>ランクで絞り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="107"/>
        <source>Status filter</source>
        <translation>状態で絞り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="108"/>
        <source>Tag or role filter</source>
        <translation>タグ・役割で絞り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="109"/>
        <source>Search clients</source>
        <translation>顧客を検索</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="150"/>
        <source>Clients</source>
        <translation>顧客一覧</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="152"/>
        <source>Return opens the client, Delete archives, the menu key shows the actions; right-click the header to choose columns</source>
        <translation>Enter で顧客を開き、Delete でアーカイブ、メニューキーで操作を表示。見出しを右クリックすると表示する列を選べます</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="236"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="253"/>
        <source>No client matches the search and filters.</source>
        <translation>検索・絞り込みの条件に一致する顧客はいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="255"/>
        <source>No archived clients.</source>
        <translation>アーカイブ済みの顧客はいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="257"/>
        <source>No clients yet. Add your first client with “New client” (Ctrl+N).</source>
        <translation>顧客はまだ登録されていません。「新規顧客」（Ctrl+N）で最初の顧客を登録しましょう。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="542"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="543"/>
        <source>Log session…</source>
        <translation>セッションを記録…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="544"/>
        <source>Log contact…</source>
        <translation>連絡を記録…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="545"/>
        <source>Add tag or role…</source>
        <translation>タグ・役割を追加…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="546"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="546"/>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="563"/>
        <source>Delete %1 permanently?

This also deletes %2 sessions (%3 of revenue history) and %4 contacts. %5 clients they referred will keep their records but lose the link.

This cannot be undone.</source>
        <translation>「%1」を完全に削除しますか？

セッション %2件（売上履歴 %3）と連絡 %4件も削除されます。この顧客が紹介した顧客 %5件の記録は残りますが、紹介者とのつながりは失われます。

この操作は元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="570"/>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="572"/>
        <source>Delete permanently</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="598"/>
        <source>session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="598"/>
        <source>contact</source>
        <translation>連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="600"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="601"/>
        <source>Delete the %1 of %2?</source>
        <translation>%2 の%1を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="161"/>
        <source>Also finds what was said in sessions, contacts and feedback, and phone numbers in any formatting</source>
        <translation>セッション・連絡・ご意見で話した内容や、電話番号（書き方を問わず）でも探せます</translation>
    </message>
</context>
<context>
    <name>ClientsTableModel</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="80"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="81"/>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="82"/>
        <source>Tier</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="83"/>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="84"/>
        <source>Tags / roles</source>
        <translation>タグ・役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="85"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="86"/>
        <source>Last contact</source>
        <translation>最終連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="87"/>
        <source>Days since</source>
        <translation>経過日数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="88"/>
        <source>Sessions</source>
        <translation>回数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="89"/>
        <source>Lifetime revenue</source>
        <translation>累計売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="260"/>
        <source>never</source>
        <translation>未連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="265"/>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="304"/>
        <source>%1, overdue</source>
        <translation>%1、連絡超過</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="313"/>
        <source>%1 of %2</source>
        <translation>%2の%1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="314"/>
        <source>%1. Found in %2: %3</source>
        <translation>%1。%2に「%3」</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="310"/>
        <source>Overdue by %1 days: %2</source>
        <translation>連絡超過 %1日：%2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="312"/>
        <source>Do not contact</source>
        <translation>連絡しない</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="318"/>
        <source>Loyalty score %1 (0–100)</source>
        <translation>ロイヤルティスコア %1（0〜100）</translation>
    </message>
</context>
<context>
    <name>CommunityModel</name>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="234"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="234"/>
        <source>Tier</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="234"/>
        <source>Roles</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="234"/>
        <source>Past roles</source>
        <translation>過去の役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="235"/>
        <source>Events attended</source>
        <translation>参加回数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="235"/>
        <source>Last attended</source>
        <translation>最終参加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="235"/>
        <source>Helped</source>
        <translation>運営協力</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="236"/>
        <source>Latest recognition</source>
        <translation>最近の表彰</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="236"/>
        <source>Feedback rounds</source>
        <translation>意見交換への参加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="297"/>
        <source>%1 recognitions</source>
        <translation>表彰 %1回</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="121"/>
        <source>Clients, highest lifetime revenue first</source>
        <translation>顧客（累計売上の多い順）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="122"/>
        <source>Revenue share</source>
        <translation>売上の累積比率</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="128"/>
        <source>By revenue alone, the top 20 % of clients bring %1 % of it (the VIP card counts the VIP tier)</source>
        <translation>売上だけで見ると上位 20 % の顧客が売上の %1 %（ロイヤル顧客の欄はロイヤルランクで集計）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="154"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="173"/>
        <source>Revenue (%1)</source>
        <translation>売上（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="179"/>
        <source>Revenue by month, last 24 months</source>
        <translation>月別売上（直近 24か月）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="217"/>
        <source>Clients per tier</source>
        <translation>ランク別の顧客数</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="115"/>
        <source>VIP clients</source>
        <translation>ロイヤル顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="116"/>
        <source>Revenue from VIP clients</source>
        <translation>ロイヤル顧客の売上比率</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="117"/>
        <source>Overdue</source>
        <translation>連絡超過</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="118"/>
        <source>New clients this year</source>
        <translation>今年の新規顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="119"/>
        <source>Contacts this month</source>
        <translation>今月の連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="133"/>
        <source>Who referred whom</source>
        <translation>紹介の関係</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="134"/>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="150"/>
        <source>Client</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="134"/>
        <source>Tier</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="134"/>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="145"/>
        <source>Referrals</source>
        <translation>紹介</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="142"/>
        <source>80/20</source>
        <translation>80:20</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="143"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="144"/>
        <source>Tiers</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="148"/>
        <source>Tier changes: rose and slipped</source>
        <translation>ランクの変動（上昇・下降）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="150"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="150"/>
        <source>Tier change</source>
        <translation>ランクの変化</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="157"/>
        <source>Rose and slipped</source>
        <translation>ランクの変動</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="224"/>
        <source>Updating…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="262"/>
        <source>The VIP tier (whole relationship), all years · last 12 months: %1 %</source>
        <translation>ロイヤルランク（お付き合い全体で判定）の累計・直近12か月: %1 %</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="267"/>
        <source>At risk (VIP or candidate) %1 · dormant %2</source>
        <translation>要注意 %1名（ロイヤル・候補） · 休眠 %2名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="272"/>
        <source>Last month: %1</source>
        <translation>先月: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="294"/>
        <source>Ambassador: brings other clients</source>
        <translation>アンバサダー: ほかの顧客を紹介してくれる方</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="301"/>
        <source>No referrals recorded yet (set “Referred by” on a client).</source>
        <translation>紹介の記録はまだありません（顧客の「紹介者」を設定してください）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="315"/>
        <source>No tier changes in the last %1 days.</source>
        <translation>直近 %1日間にランクの変動はありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="327"/>
        <source>Snooze</source>
        <translation>後で</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="329"/>
        <source>One week</source>
        <translation>1週間後</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="329"/>
        <source>Two weeks</source>
        <translation>2週間後</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="329"/>
        <source>Tomorrow</source>
        <translation>明日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="330"/>
        <source>One month</source>
        <translation>1か月後</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="334"/>
        <source>Until a date…</source>
        <translation>日付を指定…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="380"/>
        <source>Logged: %1 with %2 (%3).</source>
        <translation>記録しました: %2 様への%1（%3）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="383"/>
        <source>Snoozed until %1: %2 · %3</source>
        <translation>%1 まで保留: %2・%3</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="386"/>
        <source>Dismissed for this time: %1 · %2</source>
        <translation>今回は見送り: %1・%2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="418"/>
        <source>Snooze until</source>
        <translation>再表示する日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="258"/>
        <source>Candidates %1 · Regular %2 · New %3</source>
        <translation>ロイヤル候補 %1名 · 一般 %2名 · 新規 %3名</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/done_dialog.py" line="30"/>
        <source>Done: %1</source>
        <translation>対応済み: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/done_dialog.py" line="31"/>
        <source>%1 · %2</source>
        <translation>%1・%2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/done_dialog.py" line="44"/>
        <source>Optional: what you talked about, what to remember</source>
        <translation>任意: 話した内容、覚えておきたいこと</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/done_dialog.py" line="53"/>
        <source>&amp;How</source>
        <translation>連絡方法(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/done_dialog.py" line="54"/>
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/done_dialog.py" line="55"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/done_dialog.py" line="57"/>
        <source>Log the contact</source>
        <translation>連絡を記録</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="40"/>
        <source>Edit event</source>
        <translation>イベントの編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="40"/>
        <source>New event</source>
        <translation>新しいイベント</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="60"/>
        <source>until</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="72"/>
        <source>as English letters write it (empty: the place above)</source>
        <translation>英語の書状での表記（空欄なら上の会場）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="73"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="77"/>
        <source>No limit</source>
        <translation>上限なし</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="81"/>
        <source>Reply by</source>
        <translation>ご回答の期限</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="98"/>
        <source>Empty: the letters give your phone and e-mail from the sender profile of their language</source>
        <translation>空欄の場合、書状にはその言語の差出人情報の電話番号とメールアドレスが入ります</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="104"/>
        <source>Title (&amp;Japanese)</source>
        <translation>イベント名（日本語）(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="105"/>
        <source>Title (&amp;English)</source>
        <translation>イベント名（英語）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="106"/>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="111"/>
        <source>&amp;Date and time</source>
        <translation>日時(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="114"/>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="115"/>
        <source>End time</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="116"/>
        <source>Reply deadline</source>
        <translation>ご回答の期限</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="117"/>
        <source>&amp;Place</source>
        <translation>会場(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="118"/>
        <source>Place in English</source>
        <translation>会場（英語）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="120"/>
        <source>&amp;Capacity</source>
        <translation>定員(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="121"/>
        <source>&amp;Fee</source>
        <translation>参加費(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="123"/>
        <source>How to reply (Japanese)</source>
        <translation>ご回答の方法（日本語）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="124"/>
        <source>How to reply (English)</source>
        <translation>ご回答の方法（英語）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="125"/>
        <source>&amp;Notes</source>
        <translation>メモ(&amp;N)</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="59"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="59"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="59"/>
        <source>Invited</source>
        <translation>案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="59"/>
        <source>Yes</source>
        <translation>参加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="60"/>
        <source>Attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="60"/>
        <source>Seats left</source>
        <translation>残席</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="113"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="20"/>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="21"/>
        <source>Study session</source>
        <translation>勉強会</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="22"/>
        <source>Mixer</source>
        <translation>交流会</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="23"/>
        <source>Results meeting</source>
        <translation>成果報告会</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="24"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="30"/>
        <source>Early</source>
        <translation>先行案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="31"/>
        <source>General</source>
        <translation>一般案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="37"/>
        <source>Seat confirmed</source>
        <translation>参加確定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="38"/>
        <source>Waiting list</source>
        <translation>キャンセル待ち</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="39"/>
        <source>Declined</source>
        <translation>不参加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="40"/>
        <source>No reply yet</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="46"/>
        <source>Yes</source>
        <translation>参加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="47"/>
        <source>No</source>
        <translation>不参加</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="77"/>
        <source>Events and community</source>
        <translation>イベントとコミュニティ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="86"/>
        <source>Upcoming</source>
        <translation>今後の予定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="87"/>
        <source>Past</source>
        <translation>過去</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="88"/>
        <source>All events</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="103"/>
        <source>New event…</source>
        <translation>新しいイベント…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="105"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="107"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="142"/>
        <source>Invite the early wave…</source>
        <translation>先行案内の招待者を決める…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="146"/>
        <source>with candidates</source>
        <translation>ロイヤル候補も含める</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="147"/>
        <source>Invite candidate clients in the early wave too</source>
        <translation>先行案内にロイヤル候補の方も含めます</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="148"/>
        <source>Invite the general wave…</source>
        <translation>一般案内の招待者を決める…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="151"/>
        <source>Invitation letters…</source>
        <translation>案内状…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="153"/>
        <source>The invitations of the chosen invitees (all when none is chosen): tick, add a personal line, print, save or write e-mail drafts, then record them as sent</source>
        <translation>選択した招待者（未選択なら全員）のご案内状: 宛先を選び、ひとことを添えて、印刷・保存・メール下書きの作成をし、送付済みとして記録します</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="157"/>
        <source>E-mail invitations…</source>
        <translation>案内メールを作成…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="173"/>
        <source>Invited clients</source>
        <translation>案内した顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="174"/>
        <source>Space marks the client as attended (or not); Return opens the client; F2 writes a seat or priority note</source>
        <translation>スペースで出席を記録（取り消し）、Enter で顧客を開き、F2 で席・優先のメモを書きます</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="184"/>
        <source>Nobody is invited yet: invite the early wave first, then everyone else.</source>
        <translation>まだ誰も案内していません。先行案内を送ってから、ほかの方にご案内しましょう。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="188"/>
        <source>Replied yes</source>
        <translation>参加の回答</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="190"/>
        <source>Replied no</source>
        <translation>不参加の回答</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="192"/>
        <source>No reply</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="194"/>
        <source>Recognize…</source>
        <translation>表彰する…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="196"/>
        <location filename="../../loyaldesk/ui/events/screen.py" line="280"/>
        <source>Recognition letter…</source>
        <translation>表彰のお手紙…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="198"/>
        <source>The letter for the award the chosen guest received at this event</source>
        <translation>選択した参加者がこのイベントで受けた表彰のお手紙</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="201"/>
        <source>Open the client</source>
        <translation>顧客を開く</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="213"/>
        <source>Add a helper…</source>
        <translation>運営協力者を追加…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="215"/>
        <source>Remove helper</source>
        <translation>運営協力者から外す</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="159"/>
        <source>Writes one e-mail draft per chosen invitee (all when none is chosen) into a folder, to open in your own mail program; LoyalDesk sends nothing itself.</source>
        <translation>選択した招待者（未選択なら全員）ごとにメールの下書きをフォルダに書き出します。お使いのメールソフトで開いてください。LoyalDesk 自体は何も送信しません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="211"/>
        <location filename="../../loyaldesk/ui/events/screen.py" line="235"/>
        <source>Helpers from the event committee</source>
        <translation>イベント実行委員の運営協力者</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="246"/>
        <source>Choose an event, or create one with New event…</source>
        <translation>イベントを選ぶか、「新しいイベント…」で作成してください</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="282"/>
        <source>The letter for the chosen member&apos;s latest award</source>
        <translation>選択したメンバーの最新の表彰のお手紙</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="92"/>
        <location filename="../../loyaldesk/ui/events/screen.py" line="303"/>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="144"/>
        <source>先行案内: VIP clients first, before everyone else</source>
        <translation>先行案内: ほかの方より先にロイヤル顧客へご案内します</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="304"/>
        <source>Community</source>
        <translation>コミュニティ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="305"/>
        <source>Feedback rounds</source>
        <translation>意見交換</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="335"/>
        <source>No upcoming events. Plan a seminar, study session or mixer with New event…</source>
        <translation>予定されたイベントはありません。「新しいイベント…」でセミナー・勉強会・交流会を企画しましょう。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="336"/>
        <source>No events here yet.</source>
        <translation>イベントはまだありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="353"/>
        <source>%1 members · %2 with a role · %3 recognized</source>
        <translation>メンバー %1名 · 役割あり %2名 · 表彰 %3名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="356"/>
        <source>No community yet: members appear here once they hold a role, attend an event or are recognized.</source>
        <translation>コミュニティのメンバーはまだいません。役割を持つ・イベントに参加する・表彰されると、ここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="406"/>
        <source>reply by %1</source>
        <translation>回答期限 %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="436"/>
        <source>Invite VIP clients first (先行案内); the general wave then goes to everyone not invited yet.</source>
        <translation>まずロイヤル顧客にご案内し（先行案内）、その後まだご案内していない方に一般案内を送ります。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="522"/>
        <source>Building the invitation list…</source>
        <translation>案内リストを作成中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="534"/>
        <source>Invite</source>
        <translation>ご案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="401"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="268"/>
        <source>Community members</source>
        <translation>コミュニティのメンバー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="404"/>
        <source>fee %1</source>
        <translation>参加費 %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="404"/>
        <source>free</source>
        <translation>無料</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="410"/>
        <source>No seat limit · %1 invited · %2 yes · %3 attended</source>
        <translation>定員なし · 案内 %1名 · 参加 %2名 · 出席 %3名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="412"/>
        <source>%4 seats · %1 invited · %2 yes · %5 left · %6 waiting · %3 attended</source>
        <translation>定員 %4名 · 案内 %1名 · 参加 %2名 · 残席 %5 · キャンセル待ち %6名 · 出席 %3名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="422"/>
        <source>Early wave</source>
        <translation>先行案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="422"/>
        <source>General wave</source>
        <translation>一般案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="427"/>
        <source>%1: %2 invited, not sent yet</source>
        <translation>%1: %2名をご案内予定（未送付）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="429"/>
        <source>%1: %2 invited, %3 sent since %4</source>
        <translation>%1: %2名をご案内、%3名に送付済み（%4 から）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="431"/>
        <source>%1: %2 invited, all sent since %4</source>
        <translation>%1: %2名をご案内、全員に送付済み（%4 から）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="498"/>
        <source>Delete event</source>
        <translation>イベントを削除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="499"/>
        <source>Delete %1 with its invitations? Attendance already logged stays in the clients&apos; history.</source>
        <translation>%1 を案内ごと削除しますか？記録済みの出席は顧客の履歴に残ります。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="531"/>
        <source>Nobody is left to invite in the %1 wave.</source>
        <translation>%1 で案内する方はもういません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="535"/>
        <source>Invite %1 clients to %2 in the %3 wave?</source>
        <translation>%1名を %2 の%3の招待者にしますか？（案内状・メールはこのあと「案内状…」から送ります）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="586"/>
        <source>Record attendance</source>
        <translation>出席の記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="587"/>
        <source>%1 is on %2. Record the attendance already? It counts as attended only from that day on.</source>
        <translation>%1 は %2 です。出席を今記録しますか？ 出席として数えるのはその日からです。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="633"/>
        <source>Nobody holds the event-committee role yet: give it to a client (Clients &gt; Tag or role…) to assign helpers.</source>
        <translation>イベント実行委員の役割を持つ方がまだいません。運営協力者を割り当てるには、顧客に役割を付けてください（顧客 &gt; タグ・役割…）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="671"/>
        <source>E-mail invitations: %1</source>
        <translation>ご案内メール: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="671"/>
        <source>Invitations: %1</source>
        <translation>ご案内状: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/screen.py" line="673"/>
        <source>Invitations</source>
        <translation>ご案内状</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="118"/>
        <source>%1 was written, but some texts are longer than an Excel cell holds:</source>
        <translation>%1 を書き出しましたが、Excel のセルに入りきらない長さの文字列があります:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="20"/>
        <source>Everything as an encrypted LoyalDesk archive (*.zip)</source>
        <translation>すべてを暗号化した LoyalDesk アーカイブに (*.zip)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="22"/>
        <source>Everything as an unencrypted LoyalDesk archive (*.zip)</source>
        <translation>すべてを暗号化しない LoyalDesk アーカイブに (*.zip)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="25"/>
        <source>Clients as CSV (*.csv)</source>
        <translation>顧客 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="26"/>
        <source>Sessions as CSV (*.csv)</source>
        <translation>セッション CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="27"/>
        <source>Contacts as CSV (*.csv)</source>
        <translation>連絡履歴 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="28"/>
        <source>Everything as Excel (*.xlsx)</source>
        <translation>すべて Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="29"/>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="95"/>
        <source>Clients as vCard (*.vcf)</source>
        <translation>顧客 vCard (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="30"/>
        <source>Everything as a LoyalDesk archive (*.zip)</source>
        <translation>すべて LoyalDesk アーカイブ (*.zip)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="61"/>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="78"/>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="117"/>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="123"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="79"/>
        <source>This practice is protected by a passphrase, but this archive will not be: anyone who gets the file can read every client&apos;s data.

Write an unencrypted archive?</source>
        <translation>この顧客ファイルはパスフレーズで保護されていますが、このアーカイブは保護されません。ファイルを手にした人は誰でも全顧客のデータを読めます。

暗号化しないアーカイブを書き出しますか？</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="94"/>
        <source>Export as vCard</source>
        <translation>vCard に書き出し</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="108"/>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="114"/>
        <source>Exported to %1</source>
        <translation>%1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="127"/>
        <source>Export cancelled; no file was written.</source>
        <translation>書き出しを中止しました。ファイルは作成していません。</translation>
    </message>
</context>
<context>
    <name>FeedbackModel</name>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="317"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="317"/>
        <source>Invited</source>
        <translation>依頼日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="317"/>
        <source>Took part</source>
        <translation>参加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="317"/>
        <source>Feedback</source>
        <translation>いただいた意見</translation>
    </message>
</context>
<context>
    <name>FeedbackView</name>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="41"/>
        <source>New feedback round…</source>
        <translation>新しい意見交換…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="53"/>
        <source>Feedback rounds</source>
        <translation>意見交換</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="96"/>
        <source>%1 invited · %2 took part</source>
        <translation>依頼 %1名 · 参加 %2名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="105"/>
        <source>New feedback round</source>
        <translation>新しい意見交換</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="106"/>
        <source>The new service to ask about:</source>
        <translation>意見をうかがう新しいサービス:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="128"/>
        <source>Building the invitation list…</source>
        <translation>案内リストを作成中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="139"/>
        <source>Invite</source>
        <translation>意見のお願い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="43"/>
        <source>Invite VIP and candidate clients…</source>
        <translation>ロイヤル顧客・ロイヤル候補に意見をうかがう…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="91"/>
        <source>No feedback round yet. Before launching a new service, ask your VIP and candidate clients what they think: New feedback round…</source>
        <translation>意見交換はまだありません。新しいサービスを始める前に、ロイヤル顧客・ロイヤル候補の方の意見を聞いてみましょう: 「新しい意見交換…」</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="136"/>
        <source>Every VIP and candidate client is already invited to this round.</source>
        <translation>ロイヤル顧客・ロイヤル候補の方には全員、この意見交換をご依頼済みです。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/feedback.py" line="140"/>
        <source>Invite %1 VIP and candidate clients to give feedback?</source>
        <translation>ロイヤル顧客・ロイヤル候補の %1名に意見をうかがいますか？</translation>
    </message>
</context>
<context>
    <name>GreetingHistory</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="59"/>
        <source>Season cards</source>
        <translation>シーズンカード</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="61"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="84"/>
        <source>Joint names: %1</source>
        <translation>連名: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="87"/>
        <source>No cards recorded yet.</source>
        <translation>シーズンカードの記録はまだありません。</translation>
    </message>
</context>
<context>
    <name>Greetings</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="35"/>
        <source>New Year card (年賀状)</source>
        <translation>年賀状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="36"/>
        <source>Winter greeting (寒中見舞い)</source>
        <translation>寒中見舞い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="37"/>
        <source>Summer greeting (暑中見舞い)</source>
        <translation>暑中見舞い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="38"/>
        <source>Year-end greeting</source>
        <translation>年末のご挨拶</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="39"/>
        <source>Other card</source>
        <translation>その他の挨拶状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="45"/>
        <source>sent</source>
        <translation>送付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="46"/>
        <source>received</source>
        <translation>受取</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="47"/>
        <source>in mourning (喪中)</source>
        <translation>喪中</translation>
    </message>
</context>
<context>
    <name>GreetingsDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="106"/>
        <source>Season cards: %1</source>
        <translation>シーズンカード: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="112"/>
        <source>Season cards by year</source>
        <translation>年ごとの季節のカード</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="113"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="113"/>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="145"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="113"/>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="146"/>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="113"/>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="147"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="133"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（省略可）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="134"/>
        <source>A mourning notice received in late 2026 is recorded as New Year card 2027: in mourning. No New Year card is then proposed; a winter greeting is, after 7 January.</source>
        <translation>2026年の年末に受け取った喪中はがきは「2027年の年賀状: 喪中」として記録します。その場合、年賀状は提案されず、1月7日以降に寒中見舞いが提案されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="144"/>
        <source>Year of the card</source>
        <translation>カードの年</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="153"/>
        <source>Joint names</source>
        <translation>連名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="154"/>
        <source>e.g. 花子 様、健太 くん</source>
        <translation>例: 花子 様、健太 くん</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="155"/>
        <source>Printed next to the client&apos;s name on postcards, envelopes and labels, each with its own honorific (様 if none is given).</source>
        <translation>はがき・封筒・ラベルで顧客名の隣に印刷されます。敬称はそれぞれに付けられます（省略時は様）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="157"/>
        <source>Save joint names</source>
        <translation>連名を保存</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="165"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="168"/>
        <source>Save changes</source>
        <translation>変更を保存</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="170"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/greetings.py" line="187"/>
        <source>Joint names (連名)</source>
        <translation>連名</translation>
    </message>
</context>
<context>
    <name>HelperDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="191"/>
        <source>Add a helper</source>
        <translation>運営協力者を追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="197"/>
        <source>e.g. reception</source>
        <translation>例: 受付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="199"/>
        <source>&amp;Committee member</source>
        <translation>実行委員(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="200"/>
        <source>&amp;Task</source>
        <translation>担当(&amp;T)</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <location filename="../../loyaldesk/ui/search/model.py" line="30"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/model.py" line="30"/>
        <source>Client</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/model.py" line="30"/>
        <source>Found in</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/model.py" line="30"/>
        <source>What was said</source>
        <translation>話した内容</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="408"/>
        <source>Busy, waiting… Another LoyalDesk is writing to this practice; the import follows when it is done.</source>
        <translation>待機中… 別の LoyalDesk がこの顧客ファイルに書き込んでいます。終わりしだい取り込みます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="67"/>
        <source>Import clients</source>
        <translation>顧客の取り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="67"/>
        <source>Import sessions</source>
        <translation>売上履歴の取り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="82"/>
        <source>Read again</source>
        <translation>読み直す</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="85"/>
        <source>Sheet:</source>
        <translation>シート:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="89"/>
        <source>Column names in row:</source>
        <translation>列名の行:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="106"/>
        <source>optional: a name to use it again (import --mapping NAME)</source>
        <translation>任意: あとで使うための名前（import --mapping 名前）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="108"/>
        <source>Column in the file</source>
        <translation>ファイルの列</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="108"/>
        <source>Example</source>
        <translation>例</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="108"/>
        <source>Imported as</source>
        <translation>取り込み先</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="114"/>
        <source>Apply the mapping</source>
        <translation>対応付けを反映</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="116"/>
        <source>Columns</source>
        <translation>列の対応</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="122"/>
        <source>Save this mapping as:</source>
        <translation>この対応付けを保存する名前:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="129"/>
        <source>Known clients: fill their empty fields (merge)</source>
        <translation>登録済みの顧客: 空欄だけを補う（統合）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="130"/>
        <source>Known clients: skip the row</source>
        <translation>登録済みの顧客: その行をスキップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="136"/>
        <source>Create the clients that are not found</source>
        <translation>見つからない顧客は新規登録する</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="149"/>
        <source>Only rows with something to look at</source>
        <translation>確認が必要な行だけ表示</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="153"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="153"/>
        <source>Action</source>
        <translation>処理</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="153"/>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="469"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="153"/>
        <source>E-mail / date</source>
        <translation>メール／日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="154"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="165"/>
        <source>Save the problem list…</source>
        <translation>問題の一覧を保存…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="167"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="169"/>
        <source>Import the valid rows</source>
        <translation>正しい行を取り込む</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="226"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="246"/>
        <source>vCard file · %1 contacts</source>
        <translation>vCard ファイル · 連絡先 %1件</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="249"/>
        <source>%1 · %2 rows · encoding %3</source>
        <translation>%1 · %2行 · 文字コード %3</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="252"/>
        <source>%1 · sheet “%2” · %3 rows</source>
        <translation>%1 · シート「%2」 · %3行</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="264"/>
        <source>%1 (%2 rows)</source>
        <translation>%1（%2行）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="275"/>
        <source>To add: %1 · to merge: %2 · skipped: %3 · errors: %4</source>
        <translation>追加: %1 · 統合: %2 · スキップ: %3 · エラー: %4</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="279"/>
        <source>Sessions to add: %1 · already recorded: %2 · errors: %3</source>
        <translation>追加するセッション: %1 · 登録済み: %2 · エラー: %3</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="296"/>
        <source>— not imported —</source>
        <translation>— 取り込まない —</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="313"/>
        <source>Is this “%1”? Choose it to import this column.</source>
        <translation>「%1」の列ですか？ 取り込むにはその項目を選んでください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="316"/>
        <source>“%1” (%2?)</source>
        <translation>「%1」（%2？）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="318"/>
        <source>Not imported unless you choose a field for them (they look like one, but it is not sure): %1</source>
        <translation>項目を選ばない限り取り込みません（それらしく見えますが確かではありません）: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="353"/>
        <source>add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="354"/>
        <source>merge</source>
        <translation>統合</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="355"/>
        <source>skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="356"/>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="380"/>
        <source>fills: %1</source>
        <translation>補う項目: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="400"/>
        <source>%1 rows have errors and will not be imported. Import the %2 valid rows?</source>
        <translation>%1行にエラーがあり、取り込まれません。正しい %2行を取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="419"/>
        <source>Importing…</source>
        <translation>取り込み中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="444"/>
        <source>Nothing was imported; your data is unchanged.</source>
        <translation>何も取り込んでいません。データは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="448"/>
        <source>Import cancelled; nothing was written.</source>
        <translation>取り込みを中止しました。何も書き込んでいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="453"/>
        <source>Save the problem list</source>
        <translation>問題の一覧を保存</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="455"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="469"/>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="469"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="470"/>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="470"/>
        <source>Family name reading</source>
        <translation>セイ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="471"/>
        <source>Given name reading</source>
        <translation>メイ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="471"/>
        <source>Honorific</source>
        <translation>敬称</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="472"/>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="472"/>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="472"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="473"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="473"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="473"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="474"/>
        <source>Address line 2</source>
        <translation>住所2（建物名など）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="474"/>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="474"/>
        <source>Source</source>
        <translation>流入経路</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="475"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="475"/>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="475"/>
        <source>Middle name</source>
        <translation>ミドルネーム</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="476"/>
        <source>File as (display name)</source>
        <translation>表示名（File As）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="476"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="477"/>
        <source>Birth year</source>
        <translation>誕生年</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="477"/>
        <source>Birth month</source>
        <translation>誕生月</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="478"/>
        <source>Payment status</source>
        <translation>支払いの状態</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="479"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="479"/>
        <source>Client e-mail</source>
        <translation>顧客のメール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="479"/>
        <source>Client name</source>
        <translation>顧客名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="480"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="480"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="480"/>
        <source>Topic</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="480"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="481"/>
        <source>Duration (minutes)</source>
        <translation>時間（分）</translation>
    </message>
</context>
<context>
    <name>IndexBuild</name>
    <message>
        <location filename="../../loyaldesk/ui/search/index_build.py" line="24"/>
        <source>Building the search index (once)…</source>
        <translation>検索用の索引を作成しています（初回のみ）…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/index_build.py" line="29"/>
        <source>Search index progress</source>
        <translation>検索用索引の作成状況</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/index_build.py" line="31"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/index_build.py" line="32"/>
        <source>Cancel building the search index</source>
        <translation>検索用索引の作成をキャンセル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/index_build.py" line="66"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/index_build.py" line="83"/>
        <source>The search index is ready: every conversation can be searched.</source>
        <translation>検索用の索引ができました。すべての記録を検索できます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/index_build.py" line="86"/>
        <source>The search index was not built; it will be built the next time this practice is opened. Searches take longer meanwhile.</source>
        <translation>検索用の索引は作成されませんでした。次にこのデータを開いたときに作成します。それまでは検索に時間がかかります。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/index_build.py" line="93"/>
        <source>The search index could not be built: %1</source>
        <translation>検索用の索引を作成できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>InvitationModel</name>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="133"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="133"/>
        <source>Tier</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="133"/>
        <source>Wave</source>
        <translation>案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="133"/>
        <source>Reply</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="133"/>
        <source>Invitation sent</source>
        <translation>案内送付日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="134"/>
        <source>Seat</source>
        <translation>席</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="134"/>
        <location filename="../../loyaldesk/ui/events/models.py" line="208"/>
        <source>Attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="134"/>
        <source>Seat or priority note</source>
        <translation>席・優先のメモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="187"/>
        <source>not sent yet</source>
        <translation>未送付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/models.py" line="208"/>
        <source>Not attended</source>
        <translation>欠席</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="50"/>
        <source>Letter</source>
        <translation>手紙</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="51"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="52"/>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="53"/>
        <source>Meeting</source>
        <translation>面談</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="54"/>
        <source>SNS</source>
        <translation>SNS</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="55"/>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="56"/>
        <source>Gift</source>
        <translation>贈り物</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="57"/>
        <source>Card</source>
        <translation>シーズンカード</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="58"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="68"/>
        <source>VIP</source>
        <translation>ロイヤル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="69"/>
        <source>Candidate</source>
        <translation>ロイヤル候補</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="70"/>
        <source>Regular</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="71"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="72"/>
        <source>Prospect</source>
        <translation>見込み客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="85"/>
        <source>Active</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="86"/>
        <source>Overdue</source>
        <translation>連絡超過</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="87"/>
        <source>At risk</source>
        <translation>要注意</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="88"/>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="98"/>
        <source>Thank-you letter</source>
        <translation>お礼状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="99"/>
        <source>After-service follow-up</source>
        <translation>アフターフォロー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="100"/>
        <source>Reconnect</source>
        <translation>ご無沙汰の連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="101"/>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="102"/>
        <source>Anniversary</source>
        <translation>お付き合い記念日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="103"/>
        <source>Season greeting</source>
        <translation>季節のご挨拶</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="104"/>
        <source>VIP invitation</source>
        <translation>ロイヤル顧客への先行案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="105"/>
        <source>Ask for a referral</source>
        <translation>ご紹介のお願い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="106"/>
        <source>Thank the referrer</source>
        <translation>ご紹介のお礼</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="107"/>
        <source>Recognition</source>
        <translation>活躍への感謝</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="108"/>
        <source>Offer a role</source>
        <translation>役割のお願い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="109"/>
        <source>Invite feedback</source>
        <translation>サービス作りへのお誘い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="117"/>
        <source>New Year card</source>
        <translation>年賀状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="118"/>
        <source>Summer greeting</source>
        <translation>暑中見舞い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="119"/>
        <source>Year-end greeting</source>
        <translation>年末のご挨拶</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="120"/>
        <source>Winter greeting (in mourning)</source>
        <translation>寒中見舞い（喪中の方へ）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="128"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="128"/>
        <source>Segment</source>
        <translation>分類タグ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="154"/>
        <source>%n days</source>
        <translation>%n日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="154"/>
        <source>1 day</source>
        <translation>1日</translation>
    </message>
</context>
<context>
    <name>LettersScreen</name>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="28"/>
        <source>Letters</source>
        <translation>レター</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="39"/>
        <source>Per client</source>
        <translation>顧客ごと</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="40"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="41"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="44"/>
        <source>As the template says</source>
        <translation>テンプレートの指定どおり</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="45"/>
        <source>VIP letter (gold border)</source>
        <translation>ロイヤル顧客向け（金の枠）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="48"/>
        <source>Post (a postal address is needed)</source>
        <translation>郵送（住所が必要）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="49"/>
        <source>E-mail (an e-mail address is needed)</source>
        <translation>メール（メールアドレスが必要）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="50"/>
        <source>Who can get the letter: by post, those with a postal address; by e-mail (E-mail drafts…), those with an e-mail address.</source>
        <translation>レターを送れる方: 郵送なら住所のある方、メール（「メール下書き…」）ならメールアドレスのある方です。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="56"/>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="57"/>
        <source>Template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="58"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="59"/>
        <source>Design</source>
        <translation>デザイン</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="52"/>
        <source>Edit templates…</source>
        <translation>テンプレートを編集…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="60"/>
        <source>Send by</source>
        <translation>送付方法</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/screen.py" line="103"/>
        <source>Overdue clients</source>
        <translation>連絡超過の顧客</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="98"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="99"/>
        <source>Clients</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="100"/>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="101"/>
        <source>Letters</source>
        <translation>レター</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="102"/>
        <source>Addresses</source>
        <translation>宛名印刷</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="103"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="134"/>
        <source>Read-only: changes cannot be saved</source>
        <translation>読み取り専用: 変更は保存できません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="143"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="145"/>
        <source>Undo the last action</source>
        <translation>直前の操作を元に戻す</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="146"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>元に戻す（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="182"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="183"/>
        <source>&amp;Open database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="184"/>
        <source>&amp;New database…</source>
        <translation>データベースを新規作成(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="188"/>
        <source>&amp;Import clients…</source>
        <translation>顧客の取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="189"/>
        <source>Import &amp;sessions (sales history)…</source>
        <translation>売上履歴の取り込み(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="192"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="198"/>
        <source>&amp;Backups…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="201"/>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="204"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="206"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="207"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="209"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="214"/>
        <source>&amp;Find client</source>
        <translation>顧客を検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="221"/>
        <source>&amp;Client</source>
        <translation>顧客(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="222"/>
        <source>&amp;New client…</source>
        <translation>新規顧客(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="223"/>
        <source>&amp;Edit client…</source>
        <translation>顧客を編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="224"/>
        <source>Log &amp;session…</source>
        <translation>セッションを記録(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="225"/>
        <source>Log &amp;contact…</source>
        <translation>連絡を記録(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="226"/>
        <source>Add &amp;tag or role…</source>
        <translation>タグ・役割を追加(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="227"/>
        <location filename="../../loyaldesk/ui/main_window.py" line="402"/>
        <source>&amp;Archive</source>
        <translation>アーカイブ(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="228"/>
        <source>&amp;Delete permanently…</source>
        <translation>完全に削除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="229"/>
        <source>Export selected as &amp;vCard…</source>
        <translation>選択した顧客を vCard に書き出し(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="234"/>
        <source>&amp;Write letter to selected…</source>
        <translation>選択した顧客に手紙を書く(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="237"/>
        <source>Print &amp;addresses for selected…</source>
        <translation>選択した顧客の宛名を印刷(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="245"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="246"/>
        <source>&amp;Overdue only</source>
        <translation>連絡超過のみ(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="250"/>
        <source>&amp;Archived clients</source>
        <translation>アーカイブ済みの顧客(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="256"/>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="262"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="263"/>
        <source>&amp;About LoyalDesk</source>
        <translation>LoyalDeskについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="320"/>
        <source>Writing the sample practice…</source>
        <translation>サンプルデータを書き込んでいます…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="331"/>
        <source>Sample practice loaded: %1 clients, %2 sessions.</source>
        <translation>サンプルデータを読み込みました: 顧客 %1名、セッション %2件。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="402"/>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="411"/>
        <source>%1 clients · %2 overdue</source>
        <translation>顧客 %1名 · 連絡超過 %2名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="435"/>
        <source>Undone: %1</source>
        <translation>元に戻しました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="441"/>
        <location filename="../../loyaldesk/ui/main_window.py" line="444"/>
        <source>LoyalDesk</source>
        <translation>LoyalDesk</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="445"/>
        <source>Something went wrong: %1
Nothing already saved was lost. Details are in the log file.</source>
        <translation>問題が発生しました: %1
保存済みのデータは失われていません。詳細はログファイルに記録されています。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="453"/>
        <source>LoyalDesk database (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>LoyalDesk データベース (*.db *.sqlite *.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="456"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="461"/>
        <source>New database</source>
        <translation>データベースの新規作成</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="467"/>
        <source>Clients (*.csv *.tsv *.txt *.xlsx *.vcf *.zip);;All files (*)</source>
        <translation>顧客ファイル (*.csv *.tsv *.txt *.xlsx *.vcf *.zip);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="487"/>
        <source>Import clients</source>
        <translation>顧客の取り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="488"/>
        <source>Import sessions</source>
        <translation>売上履歴の取り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="526"/>
        <source>Imported: %1 added, %2 merged, %3 skipped.</source>
        <translation>取り込みました: 追加 %1件、統合 %2件、スキップ %3件。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="565"/>
        <source>Importing the archive…</source>
        <translation>アーカイブを取り込み中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="567"/>
        <source>Archive imported.</source>
        <translation>アーカイブを取り込みました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="592"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="593"/>
        <source>The new language is used the next time LoyalDesk starts.</source>
        <translation>新しい言語は、次回 LoyalDesk を起動したときから使われます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="599"/>
        <source>About LoyalDesk</source>
        <translation>LoyalDeskについて</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="600"/>
        <source>&lt;h3&gt;LoyalDesk %1&lt;/h3&gt;&lt;p&gt;Clients, sessions and the contact rhythm of your practice, in one file on this computer. LoyalDesk never connects to the network.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Japanese font: IPAex (IPA Font License).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LoyalDesk %1&lt;/h3&gt;&lt;p&gt;顧客・セッション・連絡のリズムを、このコンピューター上の1つのファイルで管理します。LoyalDesk がネットワークに接続することはありません。&lt;/p&gt;&lt;p&gt;データベース: %2&lt;/p&gt;&lt;p&gt;日本語フォント: IPAex（IPAフォントライセンス）&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="608"/>
        <source>(read-only)</source>
        <translation>（読み取り専用）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="190"/>
        <source>Import sessions from a &amp;calendar (.ics)…</source>
        <translation>カレンダーからセッションを取り込む(&amp;C)（.ics）…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="86"/>
        <source>Screens</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="469"/>
        <source>Calendars (*.ics);;All files (*)</source>
        <translation>カレンダー (*.ics);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="470"/>
        <source>Sales history (*.csv *.tsv *.txt *.xlsx);;Calendars (*.ics);;All files (*)</source>
        <translation>売上履歴 (*.csv *.tsv *.txt *.xlsx);;カレンダー (*.ics);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="487"/>
        <source>Import sessions from a calendar</source>
        <translation>カレンダーからセッションを取り込む</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="519"/>
        <source>Calendar imported: %1 sessions added, %2 moved, %3 next sessions.</source>
        <translation>カレンダーを取り込みました: セッション追加 %1件、日時の変更 %2件、次回の予定 %3件。</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../loyaldesk/ui/money_edit.py" line="27"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="149"/>
        <source>Change the passphrase</source>
        <translation>パスフレーズの変更</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="149"/>
        <source>Protect with a passphrase</source>
        <translation>パスフレーズで保護</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="151"/>
        <source>Enter the current passphrase of %1, then the new one twice. The backups of this practice get the new passphrase too.</source>
        <translation>%1 の現在のパスフレーズを入力し、新しいパスフレーズを 2回入力してください。この顧客ファイルのバックアップも新しいパスフレーズに変わります。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="155"/>
        <source>%1 will be encrypted (SQLCipher, AES-256): without the passphrase nobody can read it, its backups or its archives, even with this computer or its disk in hand.&lt;br&gt;&lt;br&gt;&lt;b&gt;Write the passphrase down and keep it safe.&lt;/b&gt; LoyalDesk stores no hint and no copy: if it is lost, nobody can open the file again.</source>
        <translation>%1 を暗号化します（SQLCipher、AES-256）。このパソコンやディスクを手にしても、パスフレーズなしではファイルもバックアップもアーカイブも誰にも読めません。&lt;br&gt;&lt;br&gt;&lt;b&gt;パスフレーズは書き留めて、安全な場所に保管してください。&lt;/b&gt;LoyalDesk はヒントも控えも保存しません。忘れると、誰もこのファイルを開けなくなります。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="165"/>
        <source>&amp;Current passphrase</source>
        <translation>現在のパスフレーズ(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="168"/>
        <source>&amp;New passphrase</source>
        <translation>新しいパスフレーズ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="169"/>
        <source>&amp;Again</source>
        <translation>もう一度(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="170"/>
        <source>At least %1 characters; a few unrelated words are easy to remember and hard to guess.</source>
        <translation>%1文字以上。関係のない単語をいくつか並べると、覚えやすく推測されにくくなります。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="176"/>
        <source>&amp;Change</source>
        <translation>変更(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="176"/>
        <source>&amp;Protect</source>
        <translation>保護する(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="191"/>
        <source>The two new passphrases differ.</source>
        <translation>2回入力した新しいパスフレーズが一致しません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="194"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>パスフレーズは %1文字以上にしてください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="202"/>
        <source>The current passphrase is wrong.</source>
        <translation>現在のパスフレーズが違います。</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="137"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="138"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="157"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="82"/>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="84"/>
        <source>The archive %1 is encrypted. Enter its passphrase (the passphrase of the practice it was exported from).</source>
        <translation>アーカイブ %1 は暗号化されています。パスフレーズ（書き出し元の顧客ファイルのパスフレーズ）を入力してください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="87"/>
        <source>The practice file %1 is protected by a passphrase. Enter it to open the file.</source>
        <translation>顧客ファイル %1 はパスフレーズで保護されています。開くにはパスフレーズを入力してください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="95"/>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="97"/>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="98"/>
        <source>&amp;OK</source>
        <translation>OK(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/dialogs.py" line="118"/>
        <source>Wrong passphrase. Check it (and the keyboard layout) and try again.</source>
        <translation>パスフレーズが違います。入力内容（とキーボードの入力モード）を確かめて、もう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../loyaldesk/ui/pdf_preview.py" line="74"/>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/pdf_preview.py" line="75"/>
        <source>Page Up and Page Down turn the pages</source>
        <translation>Page Up・Page Down でページをめくります</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/pdf_preview.py" line="80"/>
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/pdf_preview.py" line="82"/>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/pdf_preview.py" line="90"/>
        <location filename="../../loyaldesk/ui/pdf_preview.py" line="91"/>
        <source>Go to page</source>
        <translation>ページへ移動</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/pdf_preview.py" line="98"/>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="42"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="55"/>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="44"/>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="61"/>
        <source>As the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="62"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="63"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="67"/>
        <source> months</source>
        <translation>か月</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="70"/>
        <source>&amp;Language (after restart)</source>
        <translation>言語（再起動後に反映）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="71"/>
        <source>&amp;Appearance</source>
        <translation>外観(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="72"/>
        <source>&amp;Currency</source>
        <translation>通貨(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="74"/>
        <source>Fees and revenue are kept in this currency. Changing it does not convert amounts already recorded.</source>
        <translation>料金と売上はこの通貨で記録します。変更しても、記録済みの金額は換算されません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="86"/>
        <source>%1: the top</source>
        <translation>%1: 上位</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="87"/>
        <source>%1: the next</source>
        <translation>%1: その次の</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="88"/>
        <source>&amp;New while the first session is within</source>
        <translation>初回セッションからこの期間は新規(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="89"/>
        <source>&amp;Dormant after no contact for</source>
        <translation>連絡のない期間がこれを超えたら休眠(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="90"/>
        <source>Ask for a referral at most once in</source>
        <translation>紹介のお願いは最大でこの期間に1回</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="92"/>
        <source>Clients with sessions are ranked by their whole relationship (revenue, sessions, years, recent activity); the shares are of the ranked clients.</source>
        <translation>セッションのある顧客を、お付き合い全体（売上・回数・年数・最近の利用）で順位付けします。割合は順位付けした顧客に対するものです。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="103"/>
        <source>Personal contacts a &amp;day</source>
        <translation>1日の個別連絡の件数(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="105"/>
        <source>Today plans at most this many personal contacts a day, the most valuable first; thank-you letters, referral thanks and birthdays are never left out. The rest waits in the backlog.</source>
        <translation>「今日」の予定には、1日にこの件数までの個別の連絡を大切な順に入れます。お礼状・ご紹介のお礼・誕生日は必ず入ります。残りは未対応の一覧で順番を待ちます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="109"/>
        <source>Default contact &amp;interval</source>
        <translation>既定の連絡間隔(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="111"/>
        <source>A client is overdue when the days since the last contact exceed the interval of their tier (the default interval for prospects), unless the client has an interval of their own.</source>
        <translation>最終連絡からの日数がランクごとの連絡間隔（見込み客は標準の間隔）を超えると連絡超過になります。顧客ごとに間隔を設定している場合はそちらが優先されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="124"/>
        <source>Contact rhythm</source>
        <translation>連絡の間隔</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="125"/>
        <source>Tiers</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="126"/>
        <source>Sender</source>
        <translation>差出人</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="127"/>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="132"/>
        <source>Security</source>
        <translation>セキュリティ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="212"/>
        <source>This practice already records %5 sessions in %1. Their amounts are not converted: they are read in %2 from now on (%3 becomes %4).

Change the currency to %2?</source>
        <translation>この事業にはすでに %1 のセッションが %5件あります。金額は換算されず、今後は %2 として読みます（%3 は %4 になります）。

通貨を %2 に変更しますか？</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="216"/>
        <source>Change the currency</source>
        <translation>通貨の変更</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="75"/>
        <source>&amp;Recent backups to keep</source>
        <translation>最近のバックアップの保存数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="76"/>
        <source>&amp;Monthly backups for</source>
        <translation>月ごとのバックアップの保存期間(&amp;M)</translation>
    </message>
</context>
<context>
    <name>ProtectionChange</name>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="35"/>
        <source>Passphrase protection</source>
        <translation>パスフレーズによる保護</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="42"/>
        <source>The passphrase was changed (%1 backups too).</source>
        <translation>パスフレーズを変更しました（バックアップ %1件も変更）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="47"/>
        <source>The passphrase protection was removed: the file is readable without it.</source>
        <translation>パスフレーズによる保護を解除しました。ファイルはパスフレーズなしで読めます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="50"/>
        <source>This practice is now protected by a passphrase (the protected file has just been opened with it).</source>
        <translation>この顧客ファイルをパスフレーズで保護しました（保護したファイルをそのパスフレーズで開けることも確かめました）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="54"/>
        <source>%1 earlier backups were encrypted with it too.</source>
        <translation>以前のバックアップ %1件も同じパスフレーズで暗号化しました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="59"/>
        <source>The unprotected original was kept as %1 until you confirm that the protected file works. Anyone can read that copy: remove it now?</source>
        <translation>保護していない元のファイルを、保護したファイルが使えることを確認していただくまで %1 として残しています。このコピーは誰でも読めます。今すぐ削除しますか？</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="67"/>
        <source>The unprotected original was removed.</source>
        <translation>保護していない元のファイルを削除しました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="70"/>
        <source>The unprotected original stays at %1: delete it when you no longer need it.</source>
        <translation>保護していない元のファイルは %1 に残っています。不要になったら削除してください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="78"/>
        <source>Encrypting the practice file…</source>
        <translation>顧客ファイルを暗号化しています…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="80"/>
        <source>Changing the passphrase…</source>
        <translation>パスフレーズを変更しています…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/apply.py" line="81"/>
        <source>Removing the protection…</source>
        <translation>保護を解除しています…</translation>
    </message>
</context>
<context>
    <name>RecipientSources</name>
    <message>
        <location filename="../../loyaldesk/ui/documents/choices.py" line="42"/>
        <source>Chosen clients (%1)</source>
        <translation>選んだ顧客（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/choices.py" line="43"/>
        <source>Tier: %1</source>
        <translation>ランク: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/choices.py" line="44"/>
        <source>Tag: %1</source>
        <translation>タグ: %1</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <location filename="../../loyaldesk/ui/documents/recipients.py" line="37"/>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/recipients.py" line="37"/>
        <source>Personal line (or why left out)</source>
        <translation>ひとこと（対象外の理由）</translation>
    </message>
</context>
<context>
    <name>RecognitionDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="159"/>
        <source>Recognize</source>
        <translation>表彰する</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="162"/>
        <source>e.g. Best progress</source>
        <translation>例: 最優秀成長賞</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="164"/>
        <source>e.g. first half of 2026 (optional)</source>
        <translation>例: 2026年上期（省略可）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="168"/>
        <source>&amp;Award</source>
        <translation>賞(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="170"/>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="171"/>
        <source>&amp;Period</source>
        <translation>期間(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="172"/>
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="173"/>
        <source>Write the recognition letter next</source>
        <translation>続けて表彰のお手紙を作成する</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/events/dialogs.py" line="174"/>
        <source>The letter from the recognition template, with the award and the note</source>
        <translation>表彰テンプレートのお手紙（賞の名称とコメント入り）</translation>
    </message>
</context>
<context>
    <name>RecognitionLetterDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/events/letter.py" line="30"/>
        <source>Recognition letter</source>
        <translation>表彰のお手紙</translation>
    </message>
</context>
<context>
    <name>RecordBanner</name>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="29"/>
        <source>Record as sent</source>
        <translation>送付済みとして記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="32"/>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="88"/>
        <source>Not now</source>
        <translation>今はしない</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="34"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="38"/>
        <source>Open the folder</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="39"/>
        <source>Tick only those without e-mail</source>
        <translation>メールのない方だけを選択</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="40"/>
        <source>To print the letters of those who cannot get an e-mail</source>
        <translation>メールを送れない方の分を印刷するために</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="63"/>
        <source>a letter contact</source>
        <translation>手紙での連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="63"/>
        <source>a card contact</source>
        <translation>はがきでの連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="64"/>
        <source>an e-mail contact</source>
        <translation>メールでの連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="65"/>
        <source>Record as sent? This logs %1 dated %2 for each of the %3 recipients.</source>
        <translation>送付済みとして記録しますか？ 宛先 %3名それぞれに、%2 付けで%1を記録します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="73"/>
        <source>The cards are recorded as sent for %1.</source>
        <translation>はがきは「%1」として送付済みに記録されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="75"/>
        <source>The invitations are recorded as sent.</source>
        <translation>ご案内は送付済みとして記録されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="88"/>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="110"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="106"/>
        <source>Recorded as sent: %1.</source>
        <translation>送付済みとして記録しました: %1件。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/banner.py" line="119"/>
        <source>Not recorded: the recording was undone.</source>
        <translation>記録を取り消しました。</translation>
    </message>
</context>
<context>
    <name>ReportModels</name>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="32"/>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="37"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="37"/>
        <source>Retained</source>
        <translation>継続</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="37"/>
        <source>Returned</source>
        <translation>復帰</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="37"/>
        <source>Lost</source>
        <translation>離脱</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="42"/>
        <location filename="../../loyaldesk/ui/reports/model.py" line="61"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="43"/>
        <location filename="../../loyaldesk/ui/reports/model.py" line="62"/>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="44"/>
        <location filename="../../loyaldesk/ui/reports/model.py" line="63"/>
        <source>Tier at year end</source>
        <translation>年末時点のランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="45"/>
        <source>In the year</source>
        <translation>当年</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="46"/>
        <source>Sessions</source>
        <translation>セッション数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="47"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="48"/>
        <source>Previous year</source>
        <translation>前年</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="49"/>
        <source>Change</source>
        <translation>増減</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="50"/>
        <location filename="../../loyaldesk/ui/reports/model.py" line="65"/>
        <source>Lifetime revenue</source>
        <translation>累計売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="51"/>
        <source>First session</source>
        <translation>初回セッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="52"/>
        <location filename="../../loyaldesk/ui/reports/model.py" line="67"/>
        <source>Last contact</source>
        <translation>最終連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="53"/>
        <source>Contacts</source>
        <translation>連絡回数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="54"/>
        <source>Referred</source>
        <translation>紹介数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="55"/>
        <source>Community roles</source>
        <translation>コミュニティの役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="64"/>
        <source>Revenue previous year</source>
        <translation>前年の売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="66"/>
        <source>Last session</source>
        <translation>最終セッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="73"/>
        <source>Follow-up</source>
        <translation>フォロー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="74"/>
        <source>Actions</source>
        <translation>実施数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="75"/>
        <source>Clients</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="76"/>
        <source>Session within 90 days</source>
        <translation>90日以内にセッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/model.py" line="77"/>
        <source>Rate</source>
        <translation>割合</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="447"/>
        <source>%1 was written, but some texts are longer than an Excel cell holds:</source>
        <translation>%1 を書き出しましたが、Excel のセルに入りきらない長さの文字列があります:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="446"/>
        <source>Report</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="70"/>
        <source>Annual client report</source>
        <translation>年間顧客レポート</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="83"/>
        <source>Export Excel…</source>
        <translation>Excel に書き出し…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="84"/>
        <source>Export PDF…</source>
        <translation>PDF に書き出し…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="85"/>
        <source>Export CSV…</source>
        <translation>CSV に書き出し…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="90"/>
        <source>Year:</source>
        <translation>年:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="92"/>
        <source>Year of the report</source>
        <translation>レポートの年</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="103"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="104"/>
        <source>Active clients</source>
        <translation>利用顧客数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="105"/>
        <source>Retention rate</source>
        <translation>継続率</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="106"/>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="123"/>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="161"/>
        <source>Lost clients</source>
        <translation>離脱顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="107"/>
        <source>Top 20 % share of revenue</source>
        <translation>上位 20 % の売上比率</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="108"/>
        <source>New clients by referral</source>
        <translation>紹介による新規顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="122"/>
        <source>Clients of the year</source>
        <translation>この年の顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="124"/>
        <source>Follow-ups and what came of them</source>
        <translation>フォローとその結果</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="127"/>
        <source>Share of the clients contacted in the year who had a session within 90 days after the contact, next to the same share for clients who were overdue at the start of a month and were not contacted in the 90 days that followed.</source>
        <translation>その年に連絡した顧客のうち、連絡から 90日以内にセッションがあった割合です。比較として、月初に連絡超過で、その後 90日間連絡しなかった顧客の同じ割合を並べています。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="158"/>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="159"/>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="160"/>
        <source>Clients</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="162"/>
        <source>Follow-ups</source>
        <translation>フォローの効果</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="262"/>
        <source>Updating…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="292"/>
        <source>Overdue, not contacted (baseline)</source>
        <translation>連絡超過で未連絡（比較）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="295"/>
        <source>Contact: %1</source>
        <translation>連絡: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="296"/>
        <source>Next action done: %1</source>
        <translation>完了したアクション: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="301"/>
        <source>%1 is not over yet: figures up to %2</source>
        <translation>%1年はまだ途中です（%2 までの数値）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="302"/>
        <source>%1 compared with %2</source>
        <translation>%1年と %2年の比較</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="308"/>
        <source>Previous year %1 (%2)</source>
        <translation>前年 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="321"/>
        <source>Average per active client %1</source>
        <translation>利用顧客1名あたり平均 %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="312"/>
        <source>New %1 · retained %2 · %3 sessions</source>
        <translation>新規 %1名 · 継続 %2名 · セッション %3回</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="316"/>
        <source>%1 of %2 clients of %3 came back</source>
        <translation>%3年の顧客 %2名のうち %1名が継続</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="318"/>
        <source>Active in %1, not in %2</source>
        <translation>%1年に利用、%2年は利用なし</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="324"/>
        <source>Contacts logged: %1</source>
        <translation>記録した連絡: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="332"/>
        <source>Lost clients (%1)</source>
        <translation>離脱顧客（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="342"/>
        <source>Revenue by month, %1</source>
        <translation>%1年の月別売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="345"/>
        <source>The top 20 % of active clients brought %1 % of the revenue</source>
        <translation>上位 20 % の利用顧客が売上の %1 % を占めています</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="349"/>
        <source>Active clients, highest revenue in the year first</source>
        <translation>利用顧客（当年売上の多い順）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="352"/>
        <source>Clients per tier on %1</source>
        <translation>%1 時点のランク別顧客数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="365"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="366"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="367"/>
        <source>CSV, per-client table (*.csv)</source>
        <translation>CSV・顧客別一覧 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="377"/>
        <source>Export the annual report</source>
        <translation>年間レポートの書き出し</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="407"/>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="408"/>
        <source>Writing the %1 report…</source>
        <translation>%1年のレポートを作成中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="442"/>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="453"/>
        <source>The report was not saved.</source>
        <translation>レポートは保存されませんでした。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/reports/screen.py" line="459"/>
        <source>Export cancelled.</source>
        <translation>書き出しを中止しました。</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../loyaldesk/ui/search/model.py" line="18"/>
        <source>Client note</source>
        <translation>顧客メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/model.py" line="19"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/model.py" line="20"/>
        <source>Contact</source>
        <translation>連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/model.py" line="21"/>
        <source>Feedback</source>
        <translation>ご意見</translation>
    </message>
</context>
<context>
    <name>SearchEverythingDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="36"/>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="43"/>
        <source>Search everything</source>
        <translation>すべてを検索</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="41"/>
        <source>Words from sessions, contacts, notes and feedback, or a phone number</source>
        <translation>セッション・連絡・メモ・ご意見の言葉、または電話番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="45"/>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="116"/>
        <source>Type what was said: a word, a name of a subject, a phone number.</source>
        <translation>話した内容（言葉やテーマ）や電話番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="59"/>
        <source>Matches, newest first</source>
        <translation>一致した記録（新しい順）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="60"/>
        <source>Return opens the client&apos;s history at that entry</source>
        <translation>Enter キーでその顧客の履歴のこの記録を開きます</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="118"/>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="124"/>
        <source>Nothing found for “%1”.</source>
        <translation>「%1」に一致するものはありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="126"/>
        <source>The newest %1 matches for “%2” (there are more: add a word to narrow the search).</source>
        <translation>「%2」に一致する新しい %1件（ほかにもあります。言葉を足すと絞り込めます）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="129"/>
        <source>%1 matches for “%2”, newest first.</source>
        <translation>「%2」に一致 %1件（新しい順）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/dialog.py" line="134"/>
        <source>The search failed: %1</source>
        <translation>検索できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>SearchWiring</name>
    <message>
        <location filename="../../loyaldesk/ui/search/wiring.py" line="18"/>
        <source>Search &amp;everything…</source>
        <translation>すべてを検索(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/search/wiring.py" line="21"/>
        <source>Find what was said in every session, contact, note and feedback</source>
        <translation>すべてのセッション・連絡・メモ・ご意見から話した内容を探します</translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="24"/>
        <source>&lt;b&gt;This practice file is protected by a passphrase.&lt;/b&gt; The file, its backups and its archives are encrypted (SQLCipher, AES-256); the passphrase is asked once each time LoyalDesk starts.</source>
        <translation>&lt;b&gt;この顧客ファイルはパスフレーズで保護されています。&lt;/b&gt;ファイル、バックアップ、アーカイブは暗号化されています（SQLCipher、AES-256）。パスフレーズは LoyalDesk を起動するたびに 1回たずねます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="28"/>
        <source>&lt;b&gt;This practice file is not protected.&lt;/b&gt; Anyone who has this computer or its disk (or a backup) can read your clients&apos; data with any SQLite tool.</source>
        <translation>&lt;b&gt;この顧客ファイルは保護されていません。&lt;/b&gt;このパソコンやディスク（またはバックアップ）を手にした人は誰でも、SQLite のツールで顧客のデータを読めます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="33"/>
        <source>&amp;Protect this practice with a passphrase…</source>
        <translation>この顧客ファイルをパスフレーズで保護(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="35"/>
        <source>C&amp;hange the passphrase…</source>
        <translation>パスフレーズを変更(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="37"/>
        <source>&amp;Remove the protection…</source>
        <translation>保護を解除(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="46"/>
        <source>Not protected by the passphrase: the app while it is open and unlocked, what you print, and the files you export as CSV, Excel, vCard, PDF or an unencrypted archive.</source>
        <translation>パスフレーズで守られないもの: 開いてロックを解除した状態のアプリ、印刷したもの、CSV・Excel・vCard・PDF や暗号化しないアーカイブとして書き出したファイル。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="63"/>
        <source>SQLCipher is not installed with this copy of LoyalDesk.</source>
        <translation>この LoyalDesk には SQLCipher が入っていません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="77"/>
        <source>Remove the protection</source>
        <translation>保護の解除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/security/tab.py" line="78"/>
        <source>After this, %1 is an ordinary SQLite file again: anyone who has this computer, its disk or a copy of the file can read every client&apos;s data without a passphrase.

Backups made so far stay encrypted with the current passphrase; new backups will not be.

Remove the protection?</source>
        <translation>解除すると %1 は通常の SQLite ファイルに戻り、このパソコンやディスク、ファイルのコピーを手にした人は誰でも、パスフレーズなしで全顧客のデータを読めます。

これまでのバックアップは現在のパスフレーズで暗号化されたままです。これからのバックアップは暗号化されません。

保護を解除しますか？</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/documents/dialog.py" line="28"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="78"/>
        <source>Your name and address are not filled in yet: letters go out without a sender. Add them in File &gt; Preferences &gt; Sender.</source>
        <translation>差出人の氏名と住所がまだ入力されていません。このままでは差出人なしで送られます。「ファイル &gt; 設定 &gt; 差出人」で入力してください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="91"/>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="92"/>
        <source>Space ticks or unticks the recipient; F2 writes a personal line</source>
        <translation>スペースで宛先の選択を切り替え、F2 でひとことを書きます</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="108"/>
        <source>Untick a recipient to leave them out. Double-click the second column to write a personal line for one recipient: the template places it where it says {{ personal_note }}, else before the closing.</source>
        <translation>チェックを外すと対象から外れます。2列目をダブルクリックすると、その方だけへのひとことを書けます。テンプレートの {{ personal_note }} の位置に、なければ結びの前に入ります。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="112"/>
        <source>Tick all</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="114"/>
        <source>Untick all</source>
        <translation>すべて解除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="121"/>
        <source>Save PDF…</source>
        <translation>PDF を保存…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="124"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="127"/>
        <source>E-mail drafts…</source>
        <translation>メール下書き…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="129"/>
        <source>Writes one e-mail draft (.eml) per ticked recipient with an e-mail address into a folder you choose; open them in your mail program and send them. LoyalDesk sends nothing itself.</source>
        <translation>チェックした宛先のうちメールアドレスのある方ごとに、メールの下書き（.eml）を選んだフォルダに書き出します。メールソフトで開いて送信してください。LoyalDesk 自体は何も送信しません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="133"/>
        <source>E-mail this recipient…</source>
        <translation>この方にメール…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="135"/>
        <source>Opens one e-mail, to the recipient of the page shown, in your own mail program.</source>
        <translation>表示中のページの宛先へのメールを 1通、お使いのメールソフトで開きます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="257"/>
        <source>Preparing…</source>
        <translation>準備中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="305"/>
        <source>Write them anyway?</source>
        <translation>このまま作成しますか？</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="306"/>
        <source>Before writing</source>
        <translation>作成の前に</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="333"/>
        <source>Nobody to send to.</source>
        <translation>送付先がありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="334"/>
        <source>%1 of %2 recipients ticked</source>
        <translation>%2名中 %1名を選択</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="342"/>
        <source>in mourning (no New Year card): %1</source>
        <translation>喪中 %1名（年賀状なし）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="343"/>
        <source>card already sent: %1</source>
        <translation>送付済み %1名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="344"/>
        <source>do not contact: %1</source>
        <translation>連絡不要 %1名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="345"/>
        <source>archived: %1</source>
        <translation>アーカイブ済み %1名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="346"/>
        <source>no postal address: %1</source>
        <translation>住所なし %1名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="347"/>
        <source>no e-mail address: %1</source>
        <translation>メールアドレスなし %1名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="348"/>
        <source>no longer in the database: %1</source>
        <translation>削除済み %1名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="351"/>
        <source>Left out: %1.</source>
        <translation>対象外: %1。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="410"/>
        <source>Page %1 of %2</source>
        <translation>%1 / %2ページ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="443"/>
        <source>Save as PDF</source>
        <translation>PDF で保存</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="444"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="460"/>
        <source>Writing %1 documents…</source>
        <translation>%1通を作成中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="468"/>
        <source>Saved: %1 documents, in %2.</source>
        <translation>%1通を %2 に保存しました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="493"/>
        <source>The printer could not be started.</source>
        <translation>プリンターを開始できませんでした。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="496"/>
        <source>Sent to the printer: %1 documents.</source>
        <translation>%1通をプリンターに送りました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="502"/>
        <source>Folder for the e-mail drafts</source>
        <translation>メール下書きの保存先フォルダ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="516"/>
        <source>Writing the e-mail drafts…</source>
        <translation>メール下書きを作成中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="525"/>
        <source>Wrote %1 e-mail drafts to %2: open them in your mail program and send them.</source>
        <translation>%2 にメール下書きを %1通書き出しました。メールソフトで開いて送信してください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="528"/>
        <source>No e-mail address: %1.</source>
        <translation>メールアドレスなし: %1。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/documents/panel.py" line="563"/>
        <source>Opened an e-mail to %1 in your mail program.</source>
        <translation>%1 様宛てのメールをメールソフトで開きました。</translation>
    </message>
</context>
<context>
    <name>SenderPage</name>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="39"/>
        <source>Japanese documents</source>
        <translation>日本語の書類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="39"/>
        <source>English documents</source>
        <translation>英語の書類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="60"/>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="60"/>
        <source>N&amp;ame</source>
        <translation>氏名(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="61"/>
        <source>Reading (&amp;furigana)</source>
        <translation>ふりがな(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="62"/>
        <source>&amp;Business name</source>
        <translation>屋号・事業者名(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="62"/>
        <source>B&amp;usiness name</source>
        <translation>屋号・事業者名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="63"/>
        <source>&amp;Postal code</source>
        <translation>郵便番号(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="63"/>
        <source>Pos&amp;tal code</source>
        <translation>郵便番号(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="64"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="65"/>
        <source>P&amp;hone</source>
        <translation>電話番号(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="65"/>
        <source>Ph&amp;one</source>
        <translation>電話番号(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="66"/>
        <source>&amp;E-mail</source>
        <translation>メール(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="66"/>
        <source>E-&amp;mail</source>
        <translation>メール(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="67"/>
        <source>&amp;Website</source>
        <translation>ウェブサイト(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="67"/>
        <source>Web&amp;site</source>
        <translation>ウェブサイト(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="95"/>
        <source>Western calendar (%1)</source>
        <translation>西暦（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="96"/>
        <source>Japanese era (%1)</source>
        <translation>和暦（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="99"/>
        <source>&amp;Dates in Japanese letters</source>
        <translation>日本語の手紙の日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="100"/>
        <source>Each letter, card, envelope and invitation is signed with the profile of its language. When one is left empty, documents in that language are signed with the other profile, and you are asked before they are written.</source>
        <translation>手紙・はがき・封筒・ご案内状には、それぞれの言語の差出人情報が入ります。片方が空欄の場合、その言語の書類にはもう一方の差出人情報を使い、作成の前に確認します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="133"/>
        <source>Japanese documents usually give the domestic number (03-1234-5678).</source>
        <translation>日本語の書類には通常、国内の電話番号（03-1234-5678）を記載します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="135"/>
        <source>The name is not in Japanese script: vertical cards set it sideways.</source>
        <translation>氏名が日本語の文字ではありません。縦書きのはがきでは横向きに組まれます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="137"/>
        <source>Empty: Japanese documents will be signed with the English profile.</source>
        <translation>空欄のため、日本語の書類には英語の差出人情報を使います。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="139"/>
        <source>Readers abroad need the international number (+81 3 1234 5678).</source>
        <translation>海外の方には国際電話番号（+81 3 1234 5678）が必要です。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="141"/>
        <source>The name is in Japanese script: write it in Latin letters for English readers.</source>
        <translation>氏名が日本語の文字です。英語の書類にはローマ字で入力してください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/sender_page.py" line="143"/>
        <source>Empty: English documents will be signed with the Japanese profile.</source>
        <translation>空欄のため、英語の書類には日本語の差出人情報を使います。</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="241"/>
        <source>Edit session</source>
        <translation>セッションを編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="241"/>
        <source>Log session</source>
        <translation>セッションを記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="250"/>
        <source>Consultation</source>
        <translation>個別相談</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="250"/>
        <source>Workshop</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="250"/>
        <source>Retainer</source>
        <translation>顧問契約</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="250"/>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="256"/>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="265"/>
        <source>The currency of this session&apos;s fee</source>
        <translation>このセッションの料金の通貨</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="278"/>
        <source>Leave it empty if you do not know it: the session is then left out of the revenue totals, which say so. No exchange rate is looked up.</source>
        <translation>わからなければ空欄のままにしてください。その場合、このセッションは売上の合計に含めず、その旨を表示します。為替レートは参照しません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="283"/>
        <source>What you talked about, to pick it up next time</source>
        <translation>話した内容（次回の話題に活かせます）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="289"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="290"/>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="291"/>
        <source>D&amp;uration</source>
        <translation>時間(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="292"/>
        <source>&amp;Fee</source>
        <translation>料金(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="295"/>
        <source>In %1</source>
        <translation>%1 での金額</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="300"/>
        <source>&amp;Topic</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="301"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="55"/>
        <source>Due</source>
        <translation>期日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="56"/>
        <source>Action</source>
        <translation>アクション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="57"/>
        <source>Client</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="58"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="81"/>
        <source>Expected in the plan of %1</source>
        <translation>%1 の予定に入る見込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="83"/>
        <source>Due %1 days ago</source>
        <translation>期日を %1日過ぎています</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="96"/>
        <source>Due %1</source>
        <translation>期日 %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="97"/>
        <source>(overdue)</source>
        <translation>（期日超過）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="109"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="111"/>
        <source>Tomorrow</source>
        <translation>明日</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="383"/>
        <source>Add tag or role</source>
        <translation>タグ・役割を追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="385"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="388"/>
        <source>Choose or type a new name</source>
        <translation>選択するか、新しい名前を入力</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="394"/>
        <source>Community role</source>
        <translation>コミュニティの役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="395"/>
        <source>Segment tag</source>
        <translation>分類タグ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="409"/>
        <source>&amp;Tag or role</source>
        <translation>タグ・役割(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="410"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="411"/>
        <source>&amp;Since</source>
        <translation>開始日(&amp;S)</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="55"/>
        <source>Automatic (VIP design for VIP clients)</source>
        <translation>自動（ロイヤル顧客には金の枠のデザイン）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="56"/>
        <source>Standard</source>
        <translation>標準</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="57"/>
        <source>VIP (gold border and letterhead)</source>
        <translation>ロイヤル顧客向け（金の枠とレターヘッド）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="62"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="63"/>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="64"/>
        <source>Design</source>
        <translation>デザイン</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="69"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="72"/>
        <source>Reset to default</source>
        <translation>初期設定に戻す</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="87"/>
        <source>Double-click to insert at the cursor</source>
        <translation>ダブルクリックでカーソル位置に挿入</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="100"/>
        <source>Placeholders</source>
        <translation>差し込み項目</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="102"/>
        <source>Preview for</source>
        <translation>プレビューする顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="135"/>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="261"/>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="277"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="135"/>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="261"/>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="277"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="143"/>
        <source>A sample client</source>
        <translation>サンプルの顧客</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="284"/>
        <source>Letter templates</source>
        <translation>手紙のテンプレート</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/letters/editor.py" line="288"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="44"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="44"/>
        <source>What</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="44"/>
        <source>Topic / note</source>
        <translation>テーマ・メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="44"/>
        <source>Fee</source>
        <translation>料金</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="78"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="91"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="101"/>
        <source>%1 minutes</source>
        <translation>%1分</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="103"/>
        <source>Not in the revenue totals: no amount in %1 is recorded for it.</source>
        <translation>売上の合計に含まれていません（%1 での金額が記録されていません）。</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="45"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="77"/>
        <source>Today&apos;s plan</source>
        <translation>今日の予定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="78"/>
        <source>Return opens the client · Space or D: done… · L: write a letter · S: snooze · Delete: dismiss</source>
        <translation>Enter で顧客を開く・スペースまたは D で対応済み…・L で手紙を書く・S で保留・Delete で見送り</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="123"/>
        <source>&amp;Done…</source>
        <translation>対応済み…(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="124"/>
        <source>Write a &amp;letter…</source>
        <translation>手紙を書く…(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="125"/>
        <source>&amp;Snooze</source>
        <translation>保留(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="126"/>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="361"/>
        <source>Dismiss</source>
        <translation>見送り</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="127"/>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="130"/>
        <source>Log how the contact happened (key D)</source>
        <translation>どのように連絡したかを記録します（D キー）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="131"/>
        <source>Write the letter for this action (key L)</source>
        <translation>この連絡の手紙を書きます（L キー）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="132"/>
        <source>Hide it until a later day (key S)</source>
        <translation>後日まで表示しません（S キー）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="133"/>
        <source>Not this time: hide it for this occasion (key Delete)</source>
        <translation>今回は見送ります（Delete キー）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="134"/>
        <source>Open the client, the event or the role (key Enter)</source>
        <translation>顧客・イベント・役割を開きます（Enter キー）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="146"/>
        <source>Why this contact</source>
        <translation>この連絡の理由</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="175"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="188"/>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="192"/>
        <source>Group mailings</source>
        <translation>まとめて送るもの</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="195"/>
        <source>Enter or double-click prepares the cards, letters or invitations with these clients chosen</source>
        <translation>Enter キーまたはダブルクリックで、これらの顧客を選んだ状態でカード・手紙・案内の準備を開きます</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="198"/>
        <source>&amp;Prepare…</source>
        <translation>準備する…(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="207"/>
        <source>Show the &amp;backlog</source>
        <translation>未対応の一覧を表示(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="233"/>
        <source>Today (%1)</source>
        <translation>今日（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="234"/>
        <source>Backlog (%1)</source>
        <translation>未対応（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="235"/>
        <source>This week (%1)</source>
        <translation>今週（%1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="237"/>
        <source>Today, %1</source>
        <translation>今日 %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="239"/>
        <source>%1 of %2 done</source>
        <translation>%2件中 %1件 対応済み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="243"/>
        <source>%1 more · at %2 a day, caught up by %3</source>
        <translation>ほかに %1件・1日 %2件のペースで %3 までに対応</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="246"/>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="291"/>
        <source>No backlog: everything due is in today&apos;s plan.</source>
        <translation>未対応の残りはありません。期限の来た連絡はすべて今日の予定に入っています。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="264"/>
        <source>Opens Addresses with these clients: print the cards, then record them as sent</source>
        <translation>これらの顧客で宛名印刷を開きます。印刷したら送付済みとして記録します</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="265"/>
        <source>Opens Letters with these clients and the template</source>
        <translation>これらの顧客とテンプレートで手紙の画面を開きます</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="266"/>
        <source>Opens the event: send the early invitation wave</source>
        <translation>イベントを開きます。先行案内を送ります</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="267"/>
        <source>Opens the feedback rounds: invite these clients to give their views</source>
        <translation>意見交換を開きます。これらの顧客にご意見をうかがいます</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="282"/>
        <source>Time-critical actions alone are more than %1 today: all of them are in the plan.</source>
        <translation>期限のある連絡だけで今日は %1件を超えています。すべて予定に入れています。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="284"/>
        <source>All done for today. Well done.</source>
        <translation>今日の予定はすべて対応済みです。お疲れさまでした。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="285"/>
        <source>Nothing is due today. Well done.</source>
        <translation>今日対応する連絡はありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="288"/>
        <source>In the order the coming days take them, the most valuable first; at most %1 a day for dormant clients (silent for a long time) while others wait. Nothing is lost: what you do not reach today comes tomorrow.</source>
        <translation>これからの日々の予定に入る順（大切な順）です。長く連絡のない休眠顧客は、ほかに待っている連絡がある間は1日 %1件までです。今日対応できなかった連絡も消えずに明日以降に回ります。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="294"/>
        <source>Due in the next 7 days: birthdays, anniversaries, follow-ups.</source>
        <translation>今後7日以内に期限が来るもの（誕生日、記念日、アフターフォローなど）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="295"/>
        <source>Nothing becomes due in the next 7 days.</source>
        <translation>今後7日以内に期限が来る連絡はありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="332"/>
        <source>Due %1 · by %2</source>
        <translation>期限 %1・%2で</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="360"/>
        <source>Done…</source>
        <translation>対応済み…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="360"/>
        <source>Write a letter…</source>
        <translation>手紙を書く…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="361"/>
        <source>Snooze</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/today.py" line="362"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
</context>
<context>
    <name>TouchpointDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="345"/>
        <source>Edit contact</source>
        <translation>連絡を編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="345"/>
        <source>Log contact</source>
        <translation>連絡を記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="357"/>
        <source>e.g. thank-you letter after the first session</source>
        <translation>例: 初回セッション後のお礼状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="360"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="361"/>
        <source>&amp;Channel</source>
        <translation>連絡手段(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="362"/>
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="25"/>
        <source>Welcome to LoyalDesk</source>
        <translation>LoyalDeskへようこそ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="30"/>
        <source>Keep your clients, sessions and every contact in one file on this computer, and see at a glance whom you have not contacted lately.

Bring in the client list you already keep (Excel, CSV or vCard), start with an empty practice and add your clients, or load a sample practice to look around first.</source>
        <translation>顧客、セッション、連絡の記録をこのパソコンの 1つのファイルにまとめ、しばらく連絡していない顧客がひと目でわかります。

お手持ちの顧客名簿（Excel・CSV・vCard）を取り込むか、空の状態から顧客を登録するか、まずはサンプルデータで試してみてください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="44"/>
        <source>Fees and revenue are kept and shown in this currency</source>
        <translation>料金と売上はこの通貨で記録・表示します</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="46"/>
        <source>Your &amp;currency:</source>
        <translation>通貨(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="53"/>
        <source>Start with an empty practice</source>
        <translation>空の状態で始める</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="54"/>
        <source>Load sample data</source>
        <translation>サンプルデータを読み込む</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="55"/>
        <source>Import my client list…</source>
        <translation>顧客名簿を取り込む…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="69"/>
        <source>Protect this practice with a passphrase…</source>
        <translation>この顧客ファイルをパスフレーズで保護…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="73"/>
        <source>Encrypt the file, its backups and archives: a lost or stolen computer gives nothing away</source>
        <translation>ファイル、バックアップ、アーカイブを暗号化します。パソコンをなくしたり盗まれたりしても、何も読まれません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="75"/>
        <source>This practice file is protected by a passphrase.</source>
        <translation>この顧客ファイルはパスフレーズで保護されています。</translation>
    </message>
</context>
<context>
    <name>_TagChip</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="131"/>
        <source>Since %1</source>
        <translation>%1から</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="134"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="135"/>
        <source>Remove %1</source>
        <translation>%1を外す</translation>
    </message>
</context>
</TS>
