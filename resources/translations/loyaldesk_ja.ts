<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../loyaldesk/ui/app.py" line="160"/>
        <source>Backing up…</source>
        <translation>バックアップ中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/app.py" line="183"/>
        <source>Backup restored. The state before the restore was saved as %1.</source>
        <translation>バックアップを復元しました。復元前の状態は %1 として保存しました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/app.py" line="187"/>
        <source>Backup restored.</source>
        <translation>バックアップを復元しました。</translation>
    </message>
</context>
<context>
    <name>AppServices</name>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="226"/>
        <source>Archive %1</source>
        <translation>%1をアーカイブ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/services.py" line="228"/>
        <source>Restore %1</source>
        <translation>%1を復元</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="48"/>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="207"/>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="245"/>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="51"/>
        <source>LoyalDesk backs this database up when it opens it, before every import and upgrade, and before a restore. It keeps the most recent backups and one for each month.</source>
        <translation>LoyalDesk は、データベースを開いたとき、取り込みとアップグレードの前、復元の前に自動でバックアップします。最近のバックアップと、月ごとに 1 つずつを保存します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="54"/>
        <source>Folder: %1</source>
        <translation>保存先: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="63"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="63"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="63"/>
        <source>Clients</source>
        <translation>顧客数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="63"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="71"/>
        <source>No backups yet.</source>
        <translation>バックアップはまだありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="76"/>
        <source>&amp;Back up now</source>
        <translation>今すぐバックアップ(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="78"/>
        <source>&amp;Restore…</source>
        <translation>復元(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="80"/>
        <source>Open &amp;folder</source>
        <translation>フォルダを開く(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="104"/>
        <source>When opened</source>
        <translation>起動時</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="105"/>
        <source>Before an import</source>
        <translation>取り込み前</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="106"/>
        <source>Before an upgrade</source>
        <translation>アップグレード前</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="107"/>
        <source>Before a restore</source>
        <translation>復元前</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="108"/>
        <source>Backed up by hand</source>
        <translation>手動</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="110"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="124"/>
        <source>unreadable</source>
        <translation>読み取れません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="136"/>
        <source>Made by a newer version of LoyalDesk; it cannot be restored here.</source>
        <translation>新しいバージョンの LoyalDesk で作成されたため、ここでは復元できません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="184"/>
        <source>Backing up…</source>
        <translation>バックアップ中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="197"/>
        <source>Backup written: %1</source>
        <translation>バックアップを作成しました: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="205"/>
        <source>The backup could not be made: %1
Nothing was changed.</source>
        <translation>バックアップを作成できませんでした: %1
何も変更していません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="212"/>
        <source>Backup cancelled; nothing was written.</source>
        <translation>バックアップを中止しました。何も書き込んでいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="222"/>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="232"/>
        <source>Restore backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="228"/>
        <source>Restore the backup of %1 (clients: %2)?

The current state of the database will be backed up first. LoyalDesk will then close the database, replace it with this backup and reopen it.</source>
        <translation>%1 のバックアップ（顧客 %2 件）を復元しますか？

現在のデータベースの状態を先にバックアップします。その後 LoyalDesk はデータベースを閉じ、このバックアップに置き換えて開き直します。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/backups/dialog.py" line="246"/>
        <source>The backup folder cannot be created: %1</source>
        <translation>バックアップフォルダを作成できません: %1</translation>
    </message>
</context>
<context>
    <name>ClientDetail</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="158"/>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="423"/>
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
        <location filename="../../loyaldesk/ui/clients/detail.py" line="297"/>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="162"/>
        <source>Delete permanently…</source>
        <translation>完全に削除…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="181"/>
        <source>Tag or role…</source>
        <translation>タグ・役割を追加…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="228"/>
        <source>Loyalty</source>
        <translation>ロイヤルティ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="232"/>
        <source>Next actions</source>
        <translation>次のアクション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="237"/>
        <source>Tags and roles</source>
        <translation>タグ・役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="244"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="248"/>
        <source>History (newest first)</source>
        <translation>履歴（新しい順）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="286"/>
        <source>No client selected</source>
        <translation>顧客が選択されていません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="287"/>
        <source>Choose a client in the list to see their history.</source>
        <translation>一覧から顧客を選ぶと、その履歴が表示されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="297"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="305"/>
        <source>Overdue by %1 days</source>
        <translation>連絡超過 %1日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="311"/>
        <source>Do not contact</source>
        <translation>連絡しない</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="313"/>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="317"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="318"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="322"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="323"/>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="324"/>
        <source>Source</source>
        <translation>流入経路</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="325"/>
        <source>Referred by</source>
        <translation>紹介者</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="326"/>
        <source>Contact interval</source>
        <translation>連絡間隔</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="327"/>
        <source>%1 days</source>
        <translation>%1日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="329"/>
        <source>(for %1)</source>
        <translation>（%1の間隔）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="330"/>
        <source>(default)</source>
        <translation>（既定）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="331"/>
        <source>Client since</source>
        <translation>利用開始日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="332"/>
        <source>Sessions</source>
        <translation>セッション数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="333"/>
        <source>Lifetime revenue</source>
        <translation>累計売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="334"/>
        <source>Last contact</source>
        <translation>最終連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="334"/>
        <source>never</source>
        <translation>未連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="335"/>
        <source>Clients referred</source>
        <translation>紹介した顧客数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="345"/>
        <source>No tags or roles yet.</source>
        <translation>タグ・役割はまだありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="348"/>
        <source>No notes.</source>
        <translation>メモはありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="362"/>
        <source>score %1 / 100</source>
        <translation>スコア %1 / 100</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="367"/>
        <source>first ranked</source>
        <translation>初回判定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="383"/>
        <source>(due %1)</source>
        <translation>（期日 %1）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/detail.py" line="424"/>
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
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="114"/>
        <source>Building, room</source>
        <translation>建物名・部屋番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="115"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（任意）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="116"/>
        <source>How they found you, e.g. referral, seminar</source>
        <translation>知ったきっかけ（例: 紹介、セミナー）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="118"/>
        <source>Type a name (optional)</source>
        <translation>氏名を入力（任意）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="137"/>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="138"/>
        <source>Default (%1 days)</source>
        <translation>既定（%1日）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="141"/>
        <source>Do not contact (never shown as overdue)</source>
        <translation>連絡しない（連絡超過として表示しない）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="151"/>
        <source>&amp;Name *</source>
        <translation>氏名(&amp;N) *</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="154"/>
        <source>&amp;Reading</source>
        <translation>フリガナ(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="155"/>
        <source>&amp;Company</source>
        <translation>会社名(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="156"/>
        <source>&amp;Title</source>
        <translation>役職(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="157"/>
        <source>&amp;E-mail</source>
        <translation>メール(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="158"/>
        <source>&amp;Phone</source>
        <translation>電話(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="162"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="163"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="165"/>
        <source>&amp;Birthday</source>
        <translation>誕生日(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="166"/>
        <source>Source</source>
        <translation>流入経路</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="167"/>
        <source>Referred by</source>
        <translation>紹介者</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="168"/>
        <source>Contact interval</source>
        <translation>連絡間隔</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="170"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="184"/>
        <source>Unknown postal code</source>
        <translation>該当する住所がない郵便番号です</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="189"/>
        <source>Address filled in from the postal code</source>
        <translation>郵便番号から住所を入力しました</translation>
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
        <location filename="../../loyaldesk/ui/clients/screen.py" line="64"/>
        <source>All tiers</source>
        <translation>すべてのランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="70"/>
        <source>All statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="74"/>
        <source>Archived clients</source>
        <translation>アーカイブ済みの顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="76"/>
        <source>Show archived clients instead of active ones</source>
        <translation>現在の顧客の代わりに、アーカイブ済みの顧客を表示します</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="78"/>
        <source>New client</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="86"/>
        <source>Tag:</source>
        <translation>タグ:</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="187"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="204"/>
        <source>No client matches the search and filters.</source>
        <translation>検索・絞り込みの条件に一致する顧客はいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="206"/>
        <source>No archived clients.</source>
        <translation>アーカイブ済みの顧客はいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="208"/>
        <source>No clients yet. Add your first client with “New client” (Ctrl+N).</source>
        <translation>顧客はまだ登録されていません。「新規顧客」（Ctrl+N）で最初の顧客を登録しましょう。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="444"/>
        <source>Delete %1 permanently?

This also deletes %2 sessions (¥%3 of revenue history) and %4 contacts. %5 clients they referred will keep their records but lose the link.

This cannot be undone.</source>
        <translation>「%1」を完全に削除しますか？

セッション %2 件（売上履歴 ¥%3）と連絡 %4 件も削除されます。この顧客が紹介した顧客 %5 件の記録は残りますが、紹介者とのつながりは失われます。

この操作は元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="450"/>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="452"/>
        <source>Delete permanently</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="478"/>
        <source>session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="478"/>
        <source>contact</source>
        <translation>連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="480"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/screen.py" line="481"/>
        <source>Delete the %1 of %2?</source>
        <translation>%2 の%1を削除しますか？</translation>
    </message>
</context>
<context>
    <name>ClientsTableModel</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="84"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="85"/>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="86"/>
        <source>Tier</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="87"/>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="88"/>
        <source>Tags / roles</source>
        <translation>タグ・役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="89"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="90"/>
        <source>Last contact</source>
        <translation>最終連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="91"/>
        <source>Days since</source>
        <translation>経過日数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="92"/>
        <source>Sessions</source>
        <translation>回数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="93"/>
        <source>Lifetime revenue</source>
        <translation>累計売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="249"/>
        <source>never</source>
        <translation>未連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="254"/>
        <source>%1 (+%2)</source>
        <translation>%1 (+%2)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="288"/>
        <source>%1, overdue</source>
        <translation>%1、連絡超過</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="294"/>
        <source>Overdue by %1 days: %2</source>
        <translation>連絡超過 %1日：%2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="296"/>
        <source>Do not contact</source>
        <translation>連絡しない</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/model.py" line="302"/>
        <source>Loyalty score %1 (0–100)</source>
        <translation>ロイヤルティスコア %1（0〜100）</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="82"/>
        <source>Clients, highest lifetime revenue first</source>
        <translation>顧客（累計売上の多い順）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="83"/>
        <source>Revenue share</source>
        <translation>売上の累積比率</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="89"/>
        <source>The top 20 % of clients bring %1 % of the revenue</source>
        <translation>上位 20 % の顧客が売上の %1 % を占めています</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="113"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="131"/>
        <source>Revenue (10,000 yen)</source>
        <translation>売上（万円）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="131"/>
        <source>Revenue (¥ thousands)</source>
        <translation>売上（千円）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="137"/>
        <source>Revenue by month, last 24 months</source>
        <translation>月別売上（直近 24 か月）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/charts.py" line="184"/>
        <source>Clients per tier</source>
        <translation>ランク別の顧客数</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="98"/>
        <source>Contact today</source>
        <translation>今日の連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="103"/>
        <source>Also the next %1 days</source>
        <translation>今後 %1 日分も表示</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="145"/>
        <source>Nothing is due today. Well done.</source>
        <translation>今日の連絡はありません。お疲れさまでした。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="158"/>
        <source>VIP clients</source>
        <translation>ロイヤル顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="159"/>
        <source>VIP share of revenue</source>
        <translation>ロイヤル顧客の売上比率</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="160"/>
        <source>Overdue</source>
        <translation>連絡超過</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="161"/>
        <source>New clients this year</source>
        <translation>今年の新規顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="162"/>
        <source>Contacts this month</source>
        <translation>今月の接触回数</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="176"/>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="191"/>
        <source>Client</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="176"/>
        <source>Tier</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="176"/>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="187"/>
        <source>Referrals</source>
        <translation>紹介</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="184"/>
        <source>80/20</source>
        <translation>80:20</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="185"/>
        <source>Revenue</source>
        <translation>売上</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="186"/>
        <source>Tiers</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="191"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="191"/>
        <source>Tier change</source>
        <translation>ランクの変化</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="198"/>
        <source>Rose and slipped</source>
        <translation>ランクの変動</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="256"/>
        <source>Updating…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="273"/>
        <source>%1 to do</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="291"/>
        <source>Candidates %1 · regular %2 · new %3</source>
        <translation>ロイヤル候補 %1 · 一般 %2 · 新規 %3</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="295"/>
        <source>Last 12 months: %1 %</source>
        <translation>直近 12 か月: %1 %</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="299"/>
        <source>At risk (VIP or candidate) %1 · dormant %2</source>
        <translation>要注意（ロイヤル・候補）%1 · 休眠 %2</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="304"/>
        <source>Last month: %1</source>
        <translation>先月: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="321"/>
        <source>Ambassador: brings other clients</source>
        <translation>アンバサダー: ほかの顧客を紹介してくれる方</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="328"/>
        <source>No referrals recorded yet (set “Referred by” on a client).</source>
        <translation>紹介の記録はまだありません（顧客の「紹介者」を設定してください）。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="342"/>
        <source>No tier changes in the last %1 days.</source>
        <translation>直近 %1 日間にランクの変動はありません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="366"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="368"/>
        <source>Dismiss</source>
        <translation>見送る</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="370"/>
        <source>Open the client</source>
        <translation>顧客を開く</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="374"/>
        <source>Snooze</source>
        <translation>後で</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="376"/>
        <source>One week</source>
        <translation>1 週間後</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="376"/>
        <source>Two weeks</source>
        <translation>2 週間後</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="376"/>
        <source>One month</source>
        <translation>1 か月後</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="380"/>
        <source>Until a date…</source>
        <translation>日付を指定…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/screen.py" line="424"/>
        <source>Snooze until</source>
        <translation>再表示する日</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="19"/>
        <source>Clients as CSV (*.csv)</source>
        <translation>顧客 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="20"/>
        <source>Sessions as CSV (*.csv)</source>
        <translation>セッション CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="21"/>
        <source>Contacts as CSV (*.csv)</source>
        <translation>連絡履歴 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="22"/>
        <source>Everything as Excel (*.xlsx)</source>
        <translation>すべて Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="23"/>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="67"/>
        <source>Clients as vCard (*.vcf)</source>
        <translation>顧客 vCard (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="24"/>
        <source>Everything as a LoyalDesk archive (*.zip)</source>
        <translation>すべて LoyalDesk アーカイブ (*.zip)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="49"/>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="87"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="66"/>
        <source>Export as vCard</source>
        <translation>vCard に書き出し</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="78"/>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="83"/>
        <source>Exported to %1</source>
        <translation>%1 に書き出しました</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/export_action.py" line="91"/>
        <source>Export cancelled; no file was written.</source>
        <translation>書き出しを中止しました。ファイルは作成していません。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="63"/>
        <source>Import clients</source>
        <translation>顧客の取り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="63"/>
        <source>Import sessions</source>
        <translation>売上履歴の取り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="69"/>
        <source>Column in the file</source>
        <translation>ファイルの列</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="69"/>
        <source>Example</source>
        <translation>例</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="69"/>
        <source>Imported as</source>
        <translation>取り込み先</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="75"/>
        <source>Apply the mapping</source>
        <translation>対応付けを反映</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="77"/>
        <source>Columns</source>
        <translation>列の対応</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="86"/>
        <source>Known clients: fill their empty fields (merge)</source>
        <translation>登録済みの顧客: 空欄だけを補う（統合）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="87"/>
        <source>Known clients: skip the row</source>
        <translation>登録済みの顧客: その行をスキップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="93"/>
        <source>Create the clients that are not found</source>
        <translation>見つからない顧客は新規登録する</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="106"/>
        <source>Only rows with something to look at</source>
        <translation>確認が必要な行だけ表示</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="110"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="110"/>
        <source>Action</source>
        <translation>処理</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="110"/>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="364"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="110"/>
        <source>E-mail / date</source>
        <translation>メール／日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="111"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="122"/>
        <source>Save the problem list…</source>
        <translation>問題の一覧を保存…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="124"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="126"/>
        <source>Import the valid rows</source>
        <translation>正しい行を取り込む</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="181"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="198"/>
        <source>vCard file · %1 contacts</source>
        <translation>vCard ファイル · 連絡先 %1 件</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="200"/>
        <source>%1 · %2 rows · encoding %3</source>
        <translation>%1 · %2 行 · 文字コード %3</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="208"/>
        <source>To add: %1 · to merge: %2 · skipped: %3 · errors: %4</source>
        <translation>追加: %1 · 統合: %2 · スキップ: %3 · エラー: %4</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="212"/>
        <source>Sessions to add: %1 · already recorded: %2 · errors: %3</source>
        <translation>追加するセッション: %1 · 登録済み: %2 · エラー: %3</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="229"/>
        <source>— not imported —</source>
        <translation>— 取り込まない —</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="251"/>
        <source>add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="252"/>
        <source>merge</source>
        <translation>統合</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="253"/>
        <source>skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="254"/>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="278"/>
        <source>fills: %1</source>
        <translation>補う項目: %1</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="298"/>
        <source>%1 rows have errors and will not be imported. Import the %2 valid rows?</source>
        <translation>%1 行にエラーがあり、取り込まれません。正しい %2 行を取り込みますか？</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="317"/>
        <source>Importing…</source>
        <translation>取り込み中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="339"/>
        <source>Nothing was imported; your data is unchanged.</source>
        <translation>何も取り込んでいません。データは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="343"/>
        <source>Import cancelled; nothing was written.</source>
        <translation>取り込みを中止しました。何も書き込んでいません。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="348"/>
        <source>Save the problem list</source>
        <translation>問題の一覧を保存</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="350"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="364"/>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="364"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="365"/>
        <source>Reading</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="365"/>
        <source>Family name reading</source>
        <translation>セイ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="366"/>
        <source>Given name reading</source>
        <translation>メイ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="366"/>
        <source>Honorific</source>
        <translation>敬称</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="367"/>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="367"/>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="367"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="368"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="368"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="368"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="369"/>
        <source>Address line 2</source>
        <translation>住所2（建物名など）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="369"/>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="369"/>
        <source>Source</source>
        <translation>流入経路</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="370"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="370"/>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="371"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="371"/>
        <source>Client e-mail</source>
        <translation>顧客のメール</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="371"/>
        <source>Client name</source>
        <translation>顧客名</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="372"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="372"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="372"/>
        <source>Topic</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/transfer/import_dialog.py" line="373"/>
        <source>Duration (minutes)</source>
        <translation>時間（分）</translation>
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
        <location filename="../../loyaldesk/ui/labels.py" line="34"/>
        <source>VIP</source>
        <translation>ロイヤル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="35"/>
        <source>Candidate</source>
        <translation>ロイヤル候補</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="36"/>
        <source>Regular</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="37"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="38"/>
        <source>Prospect</source>
        <translation>見込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="53"/>
        <source>Active</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="54"/>
        <source>Overdue</source>
        <translation>連絡超過</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="55"/>
        <source>At risk</source>
        <translation>要注意</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="56"/>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="66"/>
        <source>Thank-you letter</source>
        <translation>お礼状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="67"/>
        <source>After-service follow-up</source>
        <translation>アフターフォロー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="68"/>
        <source>Reconnect</source>
        <translation>ご無沙汰の連絡</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="69"/>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="70"/>
        <source>Anniversary</source>
        <translation>お付き合い記念日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="71"/>
        <source>Season greeting</source>
        <translation>季節のご挨拶</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="72"/>
        <source>VIP invitation</source>
        <translation>ロイヤル顧客への先行案内</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="73"/>
        <source>Ask for a referral</source>
        <translation>紹介のお願い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="74"/>
        <source>Thank the referrer</source>
        <translation>紹介者へのお礼</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="75"/>
        <source>Recognition</source>
        <translation>表彰・紹介</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="76"/>
        <source>Offer a role</source>
        <translation>役割のお願い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="77"/>
        <source>Invite feedback</source>
        <translation>ご意見をうかがう</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="85"/>
        <source>New Year card</source>
        <translation>年賀状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="86"/>
        <source>Summer greeting</source>
        <translation>暑中見舞い</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="87"/>
        <source>Year-end greeting</source>
        <translation>歳末のご挨拶</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="95"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="95"/>
        <source>Segment</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="111"/>
        <source>%n days</source>
        <translation>%n日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/labels.py" line="111"/>
        <source>1 day</source>
        <translation>1日</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="66"/>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="67"/>
        <source>Clients</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="97"/>
        <source>Read-only: changes cannot be saved</source>
        <translation>読み取り専用: 変更は保存できません</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="125"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="126"/>
        <source>&amp;Open database…</source>
        <translation>データベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="127"/>
        <source>&amp;New database…</source>
        <translation>データベースを新規作成(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="131"/>
        <source>&amp;Import clients…</source>
        <translation>顧客の取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="132"/>
        <source>Import &amp;sessions (sales history)…</source>
        <translation>売上履歴の取り込み(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="133"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="138"/>
        <source>&amp;Backups…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="141"/>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="144"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="146"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="147"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="149"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="154"/>
        <source>&amp;Find client</source>
        <translation>顧客を検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="157"/>
        <source>&amp;Client</source>
        <translation>顧客(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="158"/>
        <source>&amp;New client…</source>
        <translation>新規顧客(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="159"/>
        <source>&amp;Edit client…</source>
        <translation>顧客を編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="160"/>
        <source>Log &amp;session…</source>
        <translation>セッションを記録(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="161"/>
        <source>Log &amp;contact…</source>
        <translation>連絡を記録(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="162"/>
        <source>Add &amp;tag or role…</source>
        <translation>タグ・役割を追加(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="163"/>
        <location filename="../../loyaldesk/ui/main_window.py" line="270"/>
        <source>&amp;Archive</source>
        <translation>アーカイブ(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="164"/>
        <source>&amp;Delete permanently…</source>
        <translation>完全に削除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="165"/>
        <source>Export selected as &amp;vCard…</source>
        <translation>選択した顧客を vCard に書き出し(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="175"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="176"/>
        <source>&amp;Overdue only</source>
        <translation>連絡超過のみ(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="180"/>
        <source>&amp;Archived clients</source>
        <translation>アーカイブ済みの顧客(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="186"/>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="192"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="193"/>
        <source>&amp;About LoyalDesk</source>
        <translation>LoyalDeskについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="236"/>
        <source>Writing the sample practice…</source>
        <translation>サンプルデータを書き込んでいます…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="247"/>
        <source>Sample practice loaded: %1 clients, %2 sessions.</source>
        <translation>サンプルデータを読み込みました: 顧客 %1 件、セッション %2 件。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="270"/>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="277"/>
        <source>%1 clients · %2 overdue</source>
        <translation>顧客 %1 件 · 連絡超過 %2 件</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="282"/>
        <location filename="../../loyaldesk/ui/main_window.py" line="285"/>
        <source>LoyalDesk</source>
        <translation>LoyalDesk</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="286"/>
        <source>Something went wrong: %1
Nothing already saved was lost. Details are in the log file.</source>
        <translation>問題が発生しました: %1
保存済みのデータは失われていません。詳細はログファイルに記録されています。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="294"/>
        <source>LoyalDesk database (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>LoyalDesk データベース (*.db *.sqlite *.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="297"/>
        <source>Open database</source>
        <translation>データベースを開く</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="302"/>
        <source>New database</source>
        <translation>データベースの新規作成</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="308"/>
        <source>Clients (*.csv *.tsv *.txt *.xlsx *.vcf *.zip);;All files (*)</source>
        <translation>顧客ファイル (*.csv *.tsv *.txt *.xlsx *.vcf *.zip);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="309"/>
        <source>Sales history (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>売上履歴 (*.csv *.tsv *.txt *.xlsx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="323"/>
        <source>Import clients</source>
        <translation>顧客の取り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="323"/>
        <source>Import sessions</source>
        <translation>売上履歴の取り込み</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="343"/>
        <source>Imported: %1 added, %2 merged, %3 skipped.</source>
        <translation>取り込みました: 追加 %1 件、統合 %2 件、スキップ %3 件。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="361"/>
        <source>Importing the archive…</source>
        <translation>アーカイブを取り込み中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="363"/>
        <source>Archive imported.</source>
        <translation>アーカイブを取り込みました。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="388"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="389"/>
        <source>The new language is used the next time LoyalDesk starts.</source>
        <translation>新しい言語は、次回 LoyalDesk を起動したときから使われます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="393"/>
        <source>About LoyalDesk</source>
        <translation>LoyalDeskについて</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/main_window.py" line="394"/>
        <source>&lt;h3&gt;LoyalDesk %1&lt;/h3&gt;&lt;p&gt;Clients, sessions and the contact rhythm of your practice, in one file on this computer. LoyalDesk never connects to the network.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Japanese font: IPAex (IPA Font License).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LoyalDesk %1&lt;/h3&gt;&lt;p&gt;顧客・セッション・連絡のリズムを、このコンピューター上の1つのファイルで管理します。LoyalDesk がネットワークに接続することはありません。&lt;/p&gt;&lt;p&gt;データベース: %2&lt;/p&gt;&lt;p&gt;日本語フォント: IPAex（IPAフォントライセンス）&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="123"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="124"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/ops.py" line="142"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="40"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="53"/>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="42"/>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="58"/>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="61"/>
        <source>&amp;Language (after restart)</source>
        <translation>言語（再起動後に反映）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="73"/>
        <source>%1: the top</source>
        <translation>%1: 上位</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="74"/>
        <source>%1: the next</source>
        <translation>%1: その次の</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="75"/>
        <source>&amp;New while the first session is within</source>
        <translation>初回セッションからこの期間は新規(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="76"/>
        <source>&amp;Dormant after no contact for</source>
        <translation>連絡のない期間がこれを超えたら休眠(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="77"/>
        <source>Ask for a referral at most once in</source>
        <translation>紹介のお願いは最大でこの期間に 1 回</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="79"/>
        <source>Clients with sessions are ranked by their whole relationship (revenue, sessions, years, recent activity); the shares are of the ranked clients.</source>
        <translation>セッションのある顧客を、お付き合い全体（売上・回数・年数・最近の利用）で順位付けします。割合は順位付けした顧客に対するものです。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="90"/>
        <source>Default contact &amp;interval</source>
        <translation>既定の連絡間隔(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="92"/>
        <source>A client is overdue when the days since the last contact exceed the interval of their tier (the default interval for prospects), unless the client has an interval of their own.</source>
        <translation>最終連絡からの日数がランクごとの連絡間隔（見込み客は標準の間隔）を超えると連絡超過になります。顧客ごとに間隔を設定している場合はそちらが優先されます。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="96"/>
        <source>Contact rhythm</source>
        <translation>連絡の間隔</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="97"/>
        <source>Tiers</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="98"/>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="62"/>
        <source>&amp;Recent backups to keep</source>
        <translation>最近のバックアップの保存数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/settings/dialog.py" line="63"/>
        <source>&amp;Monthly backups for</source>
        <translation>月ごとのバックアップの保存期間(&amp;M)</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="230"/>
        <source>Edit session</source>
        <translation>セッションを編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="230"/>
        <source>Log session</source>
        <translation>セッションを記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="239"/>
        <source>Consultation</source>
        <translation>個別相談</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="239"/>
        <source>Workshop</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="239"/>
        <source>Retainer</source>
        <translation>顧問契約</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="239"/>
        <source>Seminar</source>
        <translation>セミナー</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="245"/>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="254"/>
        <source>What you talked about, to pick it up next time</source>
        <translation>話した内容（次回の話題に活かせます）</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="259"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="260"/>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="261"/>
        <source>D&amp;uration</source>
        <translation>時間(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="262"/>
        <source>&amp;Fee</source>
        <translation>料金(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="263"/>
        <source>&amp;Topic</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="264"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="40"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="41"/>
        <source>Snooze</source>
        <translation>後で</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="42"/>
        <source>Dismiss</source>
        <translation>見送る</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="43"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="74"/>
        <source>Due</source>
        <translation>期日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="75"/>
        <source>Action</source>
        <translation>アクション</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="76"/>
        <source>Client</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="77"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="100"/>
        <source>Due %1 days ago</source>
        <translation>期日を %1 日過ぎています</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="118"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/dashboard/model.py" line="120"/>
        <source>Tomorrow</source>
        <translation>明日</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="326"/>
        <source>Add tag or role</source>
        <translation>タグ・役割を追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="328"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="331"/>
        <source>Choose or type a new name</source>
        <translation>選択するか、新しい名前を入力</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="337"/>
        <source>Community role</source>
        <translation>コミュニティの役割</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="338"/>
        <source>Segment tag</source>
        <translation>セグメントタグ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="352"/>
        <source>&amp;Tag or role</source>
        <translation>タグ・役割(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="353"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="354"/>
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
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="288"/>
        <source>Edit contact</source>
        <translation>連絡を編集</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="288"/>
        <source>Log contact</source>
        <translation>連絡を記録</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="300"/>
        <source>e.g. thank-you letter after the first session</source>
        <translation>例: 初回セッション後のお礼状</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="303"/>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="304"/>
        <source>&amp;Channel</source>
        <translation>連絡手段(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/clients/dialogs.py" line="305"/>
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="22"/>
        <source>Welcome to LoyalDesk</source>
        <translation>LoyalDeskへようこそ</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="27"/>
        <source>Keep your clients, sessions and every contact in one file on this computer, and see at a glance whom you have not contacted lately.

Bring in the client list you already keep (Excel, CSV or vCard), start with an empty practice and add your clients, or load a sample practice to look around first.</source>
        <translation>顧客、セッション、連絡の記録をこのパソコンの 1 つのファイルにまとめ、しばらく連絡していない顧客がひと目でわかります。

お手持ちの顧客名簿（Excel・CSV・vCard）を取り込むか、空の状態から顧客を登録するか、まずはサンプルデータで試してみてください。</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="40"/>
        <source>Start with an empty practice</source>
        <translation>空の状態で始める</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="41"/>
        <source>Load sample data</source>
        <translation>サンプルデータを読み込む</translation>
    </message>
    <message>
        <location filename="../../loyaldesk/ui/welcome.py" line="42"/>
        <source>Import my client list…</source>
        <translation>顧客名簿を取り込む…</translation>
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
