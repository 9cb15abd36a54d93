<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AppServices</name>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="123"/>
        <source>Archive %1</source>
        <translation>%1をアーカイブ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="125"/>
        <source>Restore %1</source>
        <translation>%1を復元</translation>
    </message>
</context>
<context>
    <name>ClientDetail</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="158"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="367"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="159"/>
        <source>Log session…</source>
        <translation>セッションを記録…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="160"/>
        <source>Log contact…</source>
        <translation>連絡を記録…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="161"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="270"/>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="162"/>
        <source>Delete permanently…</source>
        <translation>完全に削除…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="182"/>
        <source>Tag or role…</source>
        <translation>タグ・役割を追加…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="219"/>
        <source>Tags and roles</source>
        <translation>タグ・役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="226"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="230"/>
        <source>History (newest first)</source>
        <translation>履歴（新しい順）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="259"/>
        <source>No client selected</source>
        <translation>顧客が選択されていません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="260"/>
        <source>Choose a client in the list to see their history.</source>
        <translation>一覧から顧客を選ぶと、その履歴が表示されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="270"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="281"/>
        <source>Overdue by %1 days</source>
        <translation>連絡超過 %1日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="287"/>
        <source>Do not contact</source>
        <translation>連絡しない</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="289"/>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="293"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="294"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="298"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="299"/>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="300"/>
        <source>Source</source>
        <translation>流入経路</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="301"/>
        <source>Referred by</source>
        <translation>紹介者</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="302"/>
        <source>Contact interval</source>
        <translation>連絡間隔</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="303"/>
        <source>%1 days</source>
        <translation>%1日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="304"/>
        <source>(default)</source>
        <translation>（既定）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="305"/>
        <source>Client since</source>
        <translation>利用開始日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="306"/>
        <source>Sessions</source>
        <translation>セッション数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="307"/>
        <source>Lifetime revenue</source>
        <translation>累計売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="308"/>
        <source>Last contact</source>
        <translation>最終連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="308"/>
        <source>never</source>
        <translation>未連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="309"/>
        <source>Clients referred</source>
        <translation>紹介した顧客数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="325"/>
        <source>No tags or roles yet.</source>
        <translation>タグ・役割はまだありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="328"/>
        <source>No notes.</source>
        <translation>メモはありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="368"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="88"/>
        <source>Edit client</source>
        <translation>顧客を編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="88"/>
        <source>New client</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="98"/>
        <source>Family name first, e.g. 山田 太郎</source>
        <translation>姓・名の順（例: 山田 太郎）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="99"/>
        <source>Reading (フリガナ), used for sorting</source>
        <translation>フリガナ（並べ替えに使用）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="105"/>
        <source>Job title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="111"/>
        <source>Building, room</source>
        <translation>建物名・部屋番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="112"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（任意）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="113"/>
        <source>How they found you, e.g. referral, seminar</source>
        <translation>知ったきっかけ（例: 紹介、セミナー）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="115"/>
        <source>Type a name (optional)</source>
        <translation>氏名を入力（任意）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="134"/>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="135"/>
        <source>Default (%1 days)</source>
        <translation>既定（%1日）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="138"/>
        <source>Do not contact (never shown as overdue)</source>
        <translation>連絡しない（連絡超過として表示しない）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="148"/>
        <source>&amp;Name *</source>
        <translation>氏名(&amp;N) *</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="149"/>
        <source>&amp;Reading</source>
        <translation>フリガナ(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="150"/>
        <source>&amp;Company</source>
        <translation>会社名(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="151"/>
        <source>&amp;Title</source>
        <translation>役職(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="152"/>
        <source>&amp;E-mail</source>
        <translation>メール(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="153"/>
        <source>&amp;Phone</source>
        <translation>電話(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="154"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="155"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="157"/>
        <source>&amp;Birthday</source>
        <translation>誕生日(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="158"/>
        <source>Source</source>
        <translation>流入経路</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="159"/>
        <source>Referred by</source>
        <translation>紹介者</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="160"/>
        <source>Contact interval</source>
        <translation>連絡間隔</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="162"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>ClientsScreen</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="46"/>
        <source>Search name, reading, company, e-mail, tags, notes…</source>
        <translation>氏名・フリガナ・会社名・メール・タグ・メモで検索…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="54"/>
        <source>Overdue only</source>
        <translation>連絡超過のみ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="62"/>
        <source>Archived clients</source>
        <translation>アーカイブ済みの顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="64"/>
        <source>Show archived clients instead of active ones</source>
        <translation>現在の顧客の代わりに、アーカイブ済みの顧客を表示します</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="66"/>
        <source>New client</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="72"/>
        <source>Tag:</source>
        <translation>タグ:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="171"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="188"/>
        <source>No client matches the search and filters.</source>
        <translation>検索・絞り込みの条件に一致する顧客はいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="190"/>
        <source>No archived clients.</source>
        <translation>アーカイブ済みの顧客はいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="192"/>
        <source>No clients yet. Add your first client with “New client” (Ctrl+N).</source>
        <translation>顧客はまだ登録されていません。「新規顧客」（Ctrl+N）で最初の顧客を登録しましょう。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="353"/>
        <source>Delete %1 permanently?

This also deletes %2 sessions (¥%3 of revenue history) and %4 contacts. %5 clients they referred will keep their records but lose the link.

This cannot be undone.</source>
        <translation>「%1」を完全に削除しますか？

セッション %2 件（売上履歴 ¥%3）と連絡 %4 件も削除されます。この顧客が紹介した顧客 %5 件の記録は残りますが、紹介者とのつながりは失われます。

この操作は元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="359"/>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="361"/>
        <source>Delete permanently</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="387"/>
        <source>session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="387"/>
        <source>contact</source>
        <translation>連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="389"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="390"/>
        <source>Delete the %1 of %2?</source>
        <translation>%2 の%1を削除しますか？</translation>
    </message>
</context>
<context>
    <name>ClientsTableModel</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="67"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="68"/>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="69"/>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="70"/>
        <source>Tags / roles</source>
        <translation>タグ・役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="71"/>
        <source>Last contact</source>
        <translation>最終連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="72"/>
        <source>Days since</source>
        <translation>経過日数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="73"/>
        <source>Sessions</source>
        <translation>回数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="74"/>
        <source>Lifetime revenue</source>
        <translation>累計売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="194"/>
        <source>never</source>
        <translation>未連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="199"/>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="227"/>
        <source>%1, overdue</source>
        <translation>%1、連絡超過</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="233"/>
        <source>Overdue by %1 days: %2</source>
        <translation>連絡超過 %1日：%2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="235"/>
        <source>Do not contact</source>
        <translation>連絡しない</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="16"/>
        <source>Letter</source>
        <translation>手紙</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="17"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="18"/>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="19"/>
        <source>Meeting</source>
        <translation>面談</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="20"/>
        <source>SNS</source>
        <translation>SNS</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="21"/>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="22"/>
        <source>Gift</source>
        <translation>ギフト</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="23"/>
        <source>Card</source>
        <translation>シーズンカード</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="24"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="33"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="33"/>
        <source>Segment</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="49"/>
        <source>%n days</source>
        <translation>%n日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="49"/>
        <source>1 day</source>
        <translation>1日</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="60"/>
        <source>Clients</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="83"/>
        <source>Read-only: changes cannot be saved</source>
        <translation>読み取り専用: 変更は保存できません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="111"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="112"/>
        <source>&amp;Open database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="113"/>
        <source>&amp;New database…</source>
        <translation>データベースを新規作成(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="117"/>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="120"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="122"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="123"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="125"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="130"/>
        <source>&amp;Find client</source>
        <translation>顧客を検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="133"/>
        <source>&amp;Client</source>
        <translation>顧客(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="134"/>
        <source>&amp;New client…</source>
        <translation>新規顧客(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="135"/>
        <source>&amp;Edit client…</source>
        <translation>顧客を編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="136"/>
        <source>Log &amp;session…</source>
        <translation>セッションを記録(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="137"/>
        <source>Log &amp;contact…</source>
        <translation>連絡を記録(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="138"/>
        <source>Add &amp;tag or role…</source>
        <translation>タグ・役割を追加(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="139"/>
        <location filename="../../loyaldesk/ui/main_window.py" line="235"/>
        <source>&amp;Archive</source>
        <translation>アーカイブ(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="140"/>
        <source>&amp;Delete permanently…</source>
        <translation>完全に削除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="148"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="149"/>
        <source>&amp;Overdue only</source>
        <translation>連絡超過のみ(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="153"/>
        <source>&amp;Archived clients</source>
        <translation>アーカイブ済みの顧客(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="159"/>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="161"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="162"/>
        <source>&amp;About LoyalDesk</source>
        <translation>LoyalDeskについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="205"/>
        <source>Writing the sample practice…</source>
        <translation>サンプルデータを書き込んでいます…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="216"/>
        <source>Sample practice loaded: %1 clients, %2 sessions.</source>
        <translation>サンプルデータを読み込みました: 顧客 %1 件、セッション %2 件。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="235"/>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="241"/>
        <source>%1 clients · %2 overdue</source>
        <translation>顧客 %1 件 · 連絡超過 %2 件</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="246"/>
        <location filename="../../loyaldesk/ui/main_window.py" line="249"/>
        <source>LoyalDesk</source>
        <translation>LoyalDesk</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="250"/>
        <source>Something went wrong: %1
Nothing already saved was lost. Details are in the log file.</source>
        <translation>問題が発生しました: %1
保存済みのデータは失われていません。詳細はログファイルに記録されています。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="258"/>
        <source>LoyalDesk database (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>LoyalDesk データベース (*.db *.sqlite *.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="261"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="266"/>
        <source>New database</source>
        <translation>データベースの新規作成</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="273"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="274"/>
        <source>The new language is used the next time LoyalDesk starts.</source>
        <translation>新しい言語は、次回 LoyalDesk を起動したときから使われます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="278"/>
        <source>About LoyalDesk</source>
        <translation>LoyalDeskについて</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="279"/>
        <source>&lt;h3&gt;LoyalDesk %1&lt;/h3&gt;&lt;p&gt;Clients, sessions and the contact rhythm of your practice, in one file on this computer. LoyalDesk never connects to the network.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Japanese font: IPAex (IPA Font License).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LoyalDesk %1&lt;/h3&gt;&lt;p&gt;顧客・セッション・連絡のリズムを、このコンピューター上の1つのファイルで管理します。LoyalDesk がネットワークに接続することはありません。&lt;/p&gt;&lt;p&gt;データベース: %2&lt;/p&gt;&lt;p&gt;日本語フォント: IPAex（IPAフォントライセンス）&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="94"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="95"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="114"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="18"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="20"/>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="27"/>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="29"/>
        <source>A client is overdue when the days since the last contact exceed this interval, unless the client has an interval of their own.</source>
        <translation>最終連絡からの経過日数がこの間隔を超えた顧客は「連絡超過」になります（顧客ごとに連絡間隔を設定している場合は、そちらが優先されます）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="38"/>
        <source>&amp;Language (after restart)</source>
        <translation>言語（再起動後に反映）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="39"/>
        <source>Default contact &amp;interval</source>
        <translation>既定の連絡間隔(&amp;I)</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="202"/>
        <source>Edit session</source>
        <translation>セッションを編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="202"/>
        <source>Log session</source>
        <translation>セッションを記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="211"/>
        <source>Consultation</source>
        <translation>個別相談</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="211"/>
        <source>Workshop</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="211"/>
        <source>Retainer</source>
        <translation>顧問契約</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="211"/>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="217"/>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="226"/>
        <source>What you talked about, to pick it up next time</source>
        <translation>話した内容（次回の話題に活かせます）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="231"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="232"/>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="233"/>
        <source>D&amp;uration</source>
        <translation>時間(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="234"/>
        <source>&amp;Fee</source>
        <translation>料金(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="235"/>
        <source>&amp;Topic</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="236"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="298"/>
        <source>Add tag or role</source>
        <translation>タグ・役割を追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="300"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="303"/>
        <source>Choose or type a new name</source>
        <translation>選択するか、新しい名前を入力</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="309"/>
        <source>Community role</source>
        <translation>コミュニティの役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="310"/>
        <source>Segment tag</source>
        <translation>セグメントタグ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="324"/>
        <source>&amp;Tag or role</source>
        <translation>タグ・役割(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="325"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="326"/>
        <source>&amp;Since</source>
        <translation>開始日(&amp;S)</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="40"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="40"/>
        <source>What</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="40"/>
        <source>Topic / note</source>
        <translation>テーマ・メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="40"/>
        <source>Fee</source>
        <translation>料金</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="74"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="81"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="89"/>
        <source>%1 minutes</source>
        <translation>%1分</translation>
    </message>
</context>
<context>
    <name>TouchpointDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="260"/>
        <source>Edit contact</source>
        <translation>連絡を編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="260"/>
        <source>Log contact</source>
        <translation>連絡を記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="272"/>
        <source>e.g. thank-you letter after the first session</source>
        <translation>例: 初回セッション後のお礼状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="275"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="276"/>
        <source>&amp;Channel</source>
        <translation>連絡手段(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="277"/>
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="21"/>
        <source>Welcome to LoyalDesk</source>
        <translation>LoyalDeskへようこそ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="26"/>
        <source>Keep your clients, sessions and every contact in one file on this computer, and see at a glance whom you have not contacted lately.

Start with an empty practice and add your clients, or load a sample practice to look around first (you can replace it later).</source>
        <translation>顧客・セッション・すべての連絡を、このコンピューター上の1つのファイルにまとめて管理し、しばらく連絡していない顧客をひと目で確認できます。

空の状態から始めて顧客を登録するか、まずサンプルデータを読み込んで操作を試してみましょう（サンプルデータは後で置き換えられます）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="36"/>
        <source>Start with an empty practice</source>
        <translation>空の状態で始める</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="37"/>
        <source>Load sample data</source>
        <translation>サンプルデータを読み込む</translation>
    </message>
</context>
<context>
    <name>_TagChip</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="115"/>
        <source>Since %1</source>
        <translation>%1から</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="118"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="119"/>
        <source>Remove %1</source>
        <translation>%1を外す</translation>
    </message>
</context>
</TS>
