// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mdstatparser.h"

// The grammar follows md.c (md_seq_show, status_resync, status_unused, the bitmap
// status) and each personality's status() as printed from 2.4 to 6.x:
//
//   Personalities : [raid1] [raid6] ...
//   read_ahead 1024 sectors | read_ahead not set                  (2.4 only)
//   md0 : active|broken [(read-only)|(auto-read-only)] LEVEL dev[N](W)(J)(F)|(S)(R) ...
//   md1 : inactive dev[N](S) ...
//         N blocks [super X.Y|super external:...|super non-persistent] [personality status]
//         [==>....]  LABEL = P.P% (done/total) finish=X.Ymin speed=NK/sec
//         \tresync=DELAYED|PENDING|REMOTE
//         bitmap: P/T pages [KKB], C{KB|B} chunk[, file: PATH]
//   unused devices: <none> | dev dev ...
//
// Lines are tokenised by hand: /proc/mdstat is re-read on every md event, so a
// machine with a hundred arrays must still parse in a small fraction of a millisecond.

#include "model/raidlevel.h"

#include <QVarLengthArray>

#include <limits>

namespace plexus {
namespace {

using Tokens = QVarLengthArray<QStringView, 32>;

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

Tokens tokenize(QStringView s)
{
    Tokens out;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        while (i < n && isSpace(s[i]))
            ++i;
        const qsizetype start = i;
        while (i < n && !isSpace(s[i]))
            ++i;
        if (i > start)
            out.append(s.mid(start, i - start));
    }
    return out;
}

bool isDigits(QStringView s)
{
    if (s.isEmpty() || s.size() > 18)   // 18 digits always fit in qint64
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

bool toCount(QStringView s, qint64 *v)
{
    if (!isDigits(s))
        return false;
    qint64 r = 0;
    for (QChar c : s)
        r = r * 10 + (c.unicode() - u'0');
    *v = r;
    return true;
}

bool toInt(QStringView s, int *v)
{
    qint64 r = 0;
    if (!toCount(s, &r) || r > std::numeric_limits<int>::max())
        return false;
    *v = int(r);
    return true;
}

// "12.3" as the kernel prints tenths (%u.%u); a decimal point is required.
// One correctly rounded division gives exactly the double of the literal 12.3.
bool toTenths(QStringView s, double *v)
{
    const qsizetype dot = s.indexOf(u'.');
    qint64 whole = 0, fraction = 0;
    const QStringView fractionDigits = s.mid(dot + 1);
    if (dot <= 0 || fractionDigits.size() > 6 || !toCount(s.left(dot), &whole) || !toCount(fractionDigits, &fraction))
        return false;
    double scale = 1;
    for (qsizetype i = 0; i < fractionDigits.size(); ++i)
        scale *= 10;
    *v = (double(whole) * scale + double(fraction)) / scale;
    return true;
}

// The words md prints before "=" in progress and status lines; "repair" never
// appears there (it prints as "resync").
std::optional<SyncAction> printedSyncAction(QStringView w)
{
    if (w == u"resync") return SyncAction::Resync;
    if (w == u"recovery" || w == u"recover") return SyncAction::Recovery;
    if (w == u"reshape") return SyncAction::Reshape;
    if (w == u"check") return SyncAction::Check;
    return std::nullopt;
}

// "512k" / "512K" -> 512: chunk sizes are printed in KiB with either case.
bool toKib(QStringView s, int *v)
{
    if (s.size() < 2 || (s.back() != u'k' && s.back() != u'K'))
        return false;
    return toInt(s.chopped(1), v);
}

QString quoted(QStringView s)
{
    constexpr qsizetype max = 70;
    if (s.size() > max)
        return QLatin1Char('\'') + s.left(max - 3).toString() + QStringLiteral("...'");
    return QLatin1Char('\'') + s.toString() + QLatin1Char('\'');
}

// seq_path() writes space, tab, newline and backslash in a path as \ooo octal.
QString unescapeOctal(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'\\' && i + 3 < s.size()) {
            const QStringView oct = s.mid(i + 1, 3);
            bool octal = oct.size() == 3;
            for (QChar c : oct)
                octal = octal && c >= u'0' && c <= u'7';
            if (octal) {
                out += QChar(char16_t(oct.toUShort(nullptr, 8)));
                i += 3;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// A control character outside tab/CR/LF, DEL, or the replacement character left by
// invalid UTF-8 means the input is binary, not text from the kernel.
int binaryCharacter(QStringView s)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (char16_t(u - 0x20) < 0x5f)   // printable ASCII, nearly every character
            continue;
        if ((u < 0x20 && u != u'\t' && u != u'\r') || u == 0x7f || u == QChar::ReplacementCharacter)
            return u;
    }
    return -1;
}

// Documents wrap long lines with a trailing " \"; the kernel never prints one.
bool endsWithContinuation(QStringView s)
{
    const QStringView t = s.trimmed();
    return t.endsWith(u'\\') && (t.size() == 1 || isSpace(t[t.size() - 2]));
}

// raid10's layout is kept as printed: "2 near-copies", "2 far-copies 2 devices per set".
void appendWords(QString *layout, QStringView number, QStringView words)
{
    if (!layout->isEmpty())
        *layout += QLatin1Char(' ');
    *layout += number;
    *layout += QLatin1Char(' ');
    *layout += words;
}

// md prints "[n/m] [UU_]" for every level that tracks its slots' health.
bool printsSlotStatus(const QString &level)
{
    const RaidLevel *rules = raidLevel(level);
    return rules && rules->slotStatus;
}

bool isParityLevel(const QString &level)
{
    const RaidLevel *rules = raidLevel(level);
    return rules && rules->parities > 0;
}

bool isLevelWord(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-'))
            return false;
    return true;
}

// md-faulty's counters: " WriteTransient=3(10)", " nfaults=0", " WriteAll".
bool isFaultyCounter(QStringView s)
{
    if (s == u"WriteAll")
        return true;
    const qsizetype eq = s.indexOf(u'=');
    if (eq <= 0)
        return false;
    for (QChar c : s.left(eq))
        if (!c.isLetter())
            return false;
    QStringView value = s.mid(eq + 1);
    const qsizetype paren = value.indexOf(u'(');
    if (paren >= 0) {
        if (!value.endsWith(u')') || !isDigits(value.mid(paren + 1, value.size() - paren - 2)))
            return false;
        value = value.left(paren);
    }
    return isDigits(value);
}

bool isMetadataVersion(QStringView s)
{
    if (s == u"non-persistent")
        return true;
    if (s.startsWith(u"external:"))
        return s.size() > 9;
    const qsizetype dot = s.indexOf(u'.');
    return dot > 0 && isDigits(s.left(dot)) && isDigits(s.mid(dot + 1));
}

// A small cursor for the two lines with a fixed layout (progress and bitmap).
class Cursor
{
public:
    explicit Cursor(QStringView s) : m_s(s) {}
    bool atEnd() const { return m_pos >= m_s.size(); }
    void skipSpaces()
    {
        while (m_pos < m_s.size() && isSpace(m_s[m_pos]))
            ++m_pos;
    }
    bool eat(QStringView lit)
    {
        if (!m_s.mid(m_pos).startsWith(lit))
            return false;
        m_pos += lit.size();
        return true;
    }
    bool eat(QChar c)
    {
        if (m_pos >= m_s.size() || m_s[m_pos] != c)
            return false;
        ++m_pos;
        return true;
    }
    QStringView digits()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_s.size() && m_s[m_pos] >= u'0' && m_s[m_pos] <= u'9')
            ++m_pos;
        return m_s.mid(start, m_pos - start);
    }
    bool count(qint64 *v) { return toCount(digits(), v); }
    // digits '.' digits
    bool tenths(double *v)
    {
        const qsizetype start = m_pos;
        if (digits().isEmpty() || !eat(u'.') || digits().isEmpty())
            return false;
        return toTenths(m_s.mid(start, m_pos - start), v);
    }
    QStringView word()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_s.size() && m_s[m_pos] >= u'a' && m_s[m_pos] <= u'z')
            ++m_pos;
        return m_s.mid(start, m_pos - start);
    }
    QStringView rest() const { return m_s.mid(m_pos); }

private:
    QStringView m_s;
    qsizetype m_pos = 0;
};

class Parser
{
public:
    bool parse(const QString &text, MdstatContents *out, QString *error);

private:
    bool checkText(int no, QStringView &l);
    bool sizeLinePresent();
    bool line(int no, QStringView text);
    bool personalities(int no, QStringView text);
    bool readAhead(int no, const Tokens &t);
    bool header(int no, const Tokens &t);
    bool member(int no, QStringView token, Member *m);
    bool sizeLine(int no, QStringView text, const Tokens &t);
    bool sizeLineComplete(int no, QStringView text, bool counts, bool status, bool chunks, bool rounding, bool parity);
    bool progress(int no, QStringView text);
    bool syncWord(int no, QStringView text);
    bool bitmap(int no, QStringView text);
    bool unused(int no, const Tokens &t);
    bool checkArrayContent(int no, QStringView what);
    void closeArray();
    bool fail(int no, const QString &what);

    Array &current() { return m_out.arrays.last(); }

    MdstatContents m_out;
    QString m_error;
    bool m_seenPersonalities = false;
    bool m_seenReadAhead = false;
    bool m_seenFooter = false;
    bool m_seenContent = false;
    bool m_inArray = false;
    bool m_haveSize = false;
    bool m_needSize = false;
    bool m_haveProgress = false;
    int m_headerLine = 0;
    int m_linesAfterHeader = 0;
};

bool Parser::checkText(int no, QStringView &l)
{
    if (l.endsWith(u'\r'))
        l.chop(1);
    if (const int bad = binaryCharacter(l); bad >= 0)
        return fail(no, QStringLiteral("binary data (character 0x%1), so this is not /proc/mdstat text")
                            .arg(bad, 2, 16, QLatin1Char('0')));
    return true;
}

// An array with devices always has a size line right after its own line.
bool Parser::sizeLinePresent()
{
    if (!m_inArray || !m_needSize || m_haveSize)
        return true;
    return fail(m_headerLine, QStringLiteral("%1 has no size line ('N blocks ...') after it; the text looks cut off or edited")
                                  .arg(current().name));
}

bool Parser::fail(int no, const QString &what)
{
    m_error = QStringLiteral("line %1: %2").arg(no).arg(what);
    return false;
}

bool Parser::parse(const QString &text, MdstatContents *out, QString *error)
{
    QList<QStringView> lines = QStringView(text).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();   // the kernel ends its last line with a newline
    bool ok = true;
    QString joined;
    for (qsizetype i = 0; ok && i < lines.size(); ++i) {
        const int no = int(i) + 1;
        QStringView l = lines[i];
        ok = checkText(no, l);
        // Join a document's " \" wrapping; errors name the first line.
        if (ok && endsWithContinuation(l)) {
            joined = l.toString();
            while (ok && endsWithContinuation(joined)) {
                if (i + 1 >= lines.size() || lines[i + 1].trimmed().isEmpty()) {
                    ok = fail(no, QStringLiteral("the line ends with '\\' but nothing follows it; the text looks cut off"));
                    break;
                }
                QStringView next = lines[++i];
                ok = checkText(int(i) + 1, next);
                joined = QStringView(joined).trimmed().chopped(1).toString();   // the backslash
                while (!joined.isEmpty() && isSpace(joined.back()))
                    joined.chop(1);
                joined += QLatin1Char(' ') + next.trimmed().toString();
            }
            l = joined;
        }
        if (ok)
            ok = line(no, l);
    }
    if (ok) {
        if (!m_seenContent) {
            ok = fail(1, text.trimmed().isEmpty() && !text.isEmpty()
                             ? QStringLiteral("the text is empty (only blank lines); /proc/mdstat always has its 'Personalities' line")
                             : QStringLiteral("the text is empty; /proc/mdstat always has its 'Personalities' line"));
        } else if (!sizeLinePresent()) {
            ok = false;
        } else if (m_inArray && !m_needSize && !m_haveSize && m_linesAfterHeader == 0) {
            ok = fail(m_headerLine, QStringLiteral("the text ends right after the line of %1; it looks cut off").arg(current().name));
        }
    }
    if (!ok) {
        if (error)
            *error = m_error;
        return false;
    }
    closeArray();
    if (out)
        *out = std::move(m_out);
    return true;
}

bool Parser::line(int no, QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty()) {
        if (m_inArray)
            ++m_linesAfterHeader;
        return true;
    }
    if (m_seenFooter)
        return fail(no, QStringLiteral("text after the 'unused devices' line: %1; /proc/mdstat ends with that line").arg(quoted(t)));
    if (m_inArray)
        ++m_linesAfterHeader;

    // Lines with a fixed start first: they need no tokenising.
    if (t.startsWith(u"Personalities"))
        return personalities(no, t);
    if (t.startsWith(u"bitmap:"))   // before the header test: its first word ends with a colon too
        return bitmap(no, t);
    if (t.startsWith(u'[')) {
        if (m_inArray && m_needSize && !m_haveSize)
            return fail(no, QStringLiteral("expected the size line of %1 ('N blocks ...'), found %2").arg(current().name, quoted(t)));
        return progress(no, t);
    }
    const Tokens tokens = tokenize(t);
    if (tokens[0] == u"read_ahead")
        return readAhead(no, tokens);
    if (t.startsWith(u"unused devices:"))
        return unused(no, tokens);
    const bool colonAfterName = (tokens.size() > 1 && tokens[1] == u":")
        || (tokens[0].size() > 1 && tokens[0].endsWith(u':') && tokens.size() > 1);
    if (colonAfterName)
        return header(no, tokens);

    // Everything else belongs to an array.
    const bool isSize = tokens.size() > 1 && tokens[1] == u"blocks" && isDigits(tokens[0]);
    if (m_inArray && m_needSize && !m_haveSize && !isSize)
        return fail(no, QStringLiteral("expected the size line of %1 ('N blocks ...'), found %2")
                            .arg(current().name, quoted(t)));
    if (isSize)
        return sizeLine(no, t, tokens);
    if (tokens.size() == 1 && t.front().isLetter() && t.contains(u'='))
        return syncWord(no, t);

    if (!m_seenContent)
        return fail(no, QStringLiteral("this is not /proc/mdstat text: expected 'Personalities : [...]' or an array line "
                                       "such as 'md0 : active raid1 sda1[0] sdb1[1]', found %1").arg(quoted(t)));
    return fail(no, QStringLiteral("unrecognised line %1").arg(quoted(t)));
}

bool Parser::personalities(int no, QStringView text)
{
    QStringView rest = text.mid(QStringView(u"Personalities").size()).trimmed();
    if (!rest.startsWith(u':'))
        return fail(no, QStringLiteral("expected 'Personalities : [...]', found %1").arg(quoted(text)));
    if (m_seenPersonalities || !m_out.arrays.isEmpty())
        return fail(no, QStringLiteral("'Personalities' where only arrays may follow; this looks like more than one capture of /proc/mdstat"));
    m_seenPersonalities = true;
    m_seenContent = true;
    for (QStringView p : tokenize(rest.mid(1))) {
        if (!p.startsWith(u'[') || !p.endsWith(u']') || p.size() < 3)
            return fail(no, QStringLiteral("personality %1 is not of the form [name]%2")
                                .arg(quoted(p), p.startsWith(u'[') && !p.endsWith(u']')
                                                    ? QStringLiteral("; the line looks cut off") : QString()));
        m_out.personalities.append(p.mid(1, p.size() - 2).toString());
    }
    return true;
}

// 2.4 kernels print the read-ahead setting after the personalities.
bool Parser::readAhead(int no, const Tokens &t)
{
    const bool notSet = t.size() == 3 && t[1] == u"not" && t[2] == u"set";
    const bool sectors = t.size() == 3 && isDigits(t[1]) && t[2] == u"sectors";
    if (!notSet && !sectors)
        return fail(no, QStringLiteral("expected 'read_ahead N sectors' or 'read_ahead not set'"));
    if (m_seenReadAhead || !m_out.arrays.isEmpty())
        return fail(no, QStringLiteral("'read_ahead' only appears once, before the arrays"));
    m_seenReadAhead = true;
    m_seenContent = true;
    return true;
}

bool Parser::header(int no, const Tokens &t)
{
    if (!sizeLinePresent())
        return false;
    closeArray();
    Array a;
    qsizetype i = 2;
    QStringView name = t[0];
    if (t[1] != u":") {   // "md0: active" as some documents retype it
        name.chop(1);
        i = 1;
    }
    if (name.contains(u'[') || name.contains(u'('))
        return fail(no, QStringLiteral("%1 is not an array name").arg(quoted(name)));
    a.name = name.toString();
    if (i >= t.size())
        return fail(no, QStringLiteral("the line of %1 ends before its state; it looks cut off").arg(a.name));

    const QStringView state = t[i++];
    if (state == u"active" || state == u"broken") {
        a.state = state == u"broken" ? ArrayState::Broken : ArrayState::Active;
        for (; i < t.size() && t[i].startsWith(u'('); ++i) {
            if (t[i] == u"(read-only)" && a.state == ArrayState::Active)
                a.state = ArrayState::ReadOnly;
            else if (t[i] == u"(auto-read-only)" && a.state == ArrayState::Active)
                a.state = ArrayState::AutoReadOnly;
            else if (t[i] != u"(read-only)" && t[i] != u"(auto-read-only)")
                return fail(no, QStringLiteral("unknown mark %1 on %2").arg(quoted(t[i]), a.name));
        }
        if (i >= t.size())
            return fail(no, QStringLiteral("%1 is %2 but the line names no RAID level; it looks cut off").arg(a.name, state.toString()));
        if (!isLevelWord(t[i]))
            return fail(no, QStringLiteral("%1 where the RAID level of %2 should be").arg(quoted(t[i]), a.name));
        a.level = t[i++].toString();
    } else if (state == u"inactive") {
        a.state = ArrayState::Inactive;
    } else if (!m_seenContent) {
        return fail(no, QStringLiteral("this is not /proc/mdstat text: expected 'Personalities : [...]' or an array line "
                                       "such as 'md0 : active raid1 sda1[0] sdb1[1]', found %1").arg(quoted(t[0])));
    } else {
        return fail(no, QStringLiteral("unknown array state %1 for %2 (expected active, inactive or broken)")
                            .arg(quoted(state), a.name));
    }

    for (; i < t.size(); ++i) {
        // Only an array without devices prints its "super" on this line.
        if (t[i] == u"super" && a.state == ArrayState::Inactive && a.members.isEmpty()) {
            if (i + 1 >= t.size() || !isMetadataVersion(t[i + 1]))
                return fail(no, QStringLiteral("'super' without a metadata version; the line looks cut off"));
            a.metadata = t[++i].toString();
            continue;
        }
        Member m;
        if (!member(no, t[i], &m))
            return false;
        a.members.append(std::move(m));
    }

    m_out.arrays.append(std::move(a));
    m_inArray = true;
    m_haveSize = false;
    m_haveProgress = false;
    // Without devices the kernel prints no size line (an array being assembled).
    m_needSize = !(current().state == ArrayState::Inactive && current().members.isEmpty());
    m_headerLine = no;
    m_linesAfterHeader = 0;
    m_seenContent = true;
    return true;
}

// "sdb1[1]", "sdc1[2](W)(F)", "scsi/host0/bus0/target1/lun0/part6[1]"; the kernel
// prints flags in the order (W)(J) then either (F) or (S)(R).
bool Parser::member(int no, QStringView token, Member *m)
{
    const qsizetype open = token.indexOf(u'[');
    if (open < 0)
        return fail(no, QStringLiteral("member %1 has no [number] after its name; the line looks cut off").arg(quoted(token)));
    if (open == 0)
        return fail(no, QStringLiteral("member %1 has no device name").arg(quoted(token)));
    const qsizetype close = token.indexOf(u']', open);
    if (close < 0)
        return fail(no, QStringLiteral("member %1 is cut off (its bracket is not closed)").arg(quoted(token)));
    QStringView number = token.mid(open + 1, close - open - 1);
    const bool negative = number.startsWith(u'-');
    int index = 0;
    if (!toInt(negative ? number.mid(1) : number, &index))
        return fail(no, QStringLiteral("member %1 has %2 where its number should be").arg(quoted(token), quoted(number)));
    m->device = token.left(open).toString();
    m->index = negative ? -index : index;

    static constexpr QStringView order = u"WJFSR";
    int last = -1;
    QStringView flags = token.mid(close + 1);
    while (!flags.isEmpty()) {
        if (flags.size() < 3 || flags[0] != u'(' || flags[2] != u')') {
            if (flags[0] == u'(' && flags.indexOf(u')') < 0)
                return fail(no, QStringLiteral("member %1 is cut off (a flag is not closed)").arg(quoted(token)));
            return fail(no, QStringLiteral("member %1 has unknown flags %2").arg(quoted(token), quoted(flags)));
        }
        const char16_t f = flags[1].unicode();
        const int at = int(order.indexOf(QChar(f)));
        if (at < 0)
            return fail(no, QStringLiteral("member %1 has an unknown flag (%2)").arg(quoted(token), QChar(f)));
        // Faulty ends the list; everything else appears at most once, in order.
        if (at <= last || last == 2)
            return fail(no, QStringLiteral("member %1 has flags in a combination the kernel never prints").arg(quoted(token)));
        last = at;
        switch (f) {
        case u'W': m->writeMostly = true; break;
        case u'J': m->journal = true; break;
        case u'F': m->faulty = true; break;
        case u'S': m->spare = true; break;
        case u'R': m->replacement = true; break;
        }
        flags = flags.mid(3);
    }
    return true;
}

// Arrays' own lines must follow their header line.
bool Parser::checkArrayContent(int no, QStringView what)
{
    if (!m_inArray)
        return fail(no, QStringLiteral("%1 before any array line ('md0 : active ...')").arg(what));
    if (!m_haveSize && m_needSize)
        return fail(no, QStringLiteral("expected the size line of %1 ('N blocks ...') before %2")
                            .arg(current().name, what));
    return true;
}

bool Parser::sizeLine(int no, QStringView text, const Tokens &t)
{
    if (!m_inArray)
        return fail(no, QStringLiteral("a size line (%1) before any array line ('md0 : active ...')").arg(quoted(text)));
    if (m_haveSize)
        return fail(no, QStringLiteral("a second size line for %1").arg(current().name));
    Array &a = current();
    qint64 size = 0;
    if (!toCount(t[0], &size))
        return fail(no, QStringLiteral("%1 is not a size in blocks").arg(quoted(t[0])));
    a.sizeKib = size;

    bool counts = false, status = false, chunks = false, rounding = false, parity = false, super = false;
    const QString level = a.level.value_or(QString());
    for (qsizetype i = 2; i < t.size(); ++i) {
        const QStringView tok = t[i];
        const QStringView next = i + 1 < t.size() ? t[i + 1] : QStringView();
        if (tok == u"super") {
            if (next.isEmpty() || !isMetadataVersion(next))
                return fail(no, QStringLiteral("'super' of %1 is not followed by a metadata version; the line looks cut off").arg(a.name));
            a.metadata = next.toString();
            super = true;
            ++i;
        } else if (tok == u"level") {
            // raid4/5/6: "level 5, 512k chunk, algorithm 2"
            int l = 0;
            if (!next.endsWith(u',') || !toInt(next.chopped(1), &l))
                return fail(no, QStringLiteral("'level' of %1 is not followed by 'N,'; the line looks cut off").arg(a.name));
            parity = true;
            ++i;
        } else if (tok == u"algorithm") {
            int algo = 0;
            if (!toInt(next, &algo))
                return fail(no, QStringLiteral("'algorithm' of %1 is not followed by a number; the line looks cut off").arg(a.name));
            a.layout = algo;
            ++i;
        } else if (tok.startsWith(u'[')) {
            if (!tok.endsWith(u']') || tok.size() < 3)
                return fail(no, QStringLiteral("%1 is cut off (its bracket is not closed)").arg(quoted(tok)));
            const QStringView inner = tok.mid(1, tok.size() - 2);
            const qsizetype slash = inner.indexOf(u'/');
            if (slash >= 0) {
                int raid = 0, active = 0;
                if (counts || !toInt(inner.left(slash), &raid) || !toInt(inner.mid(slash + 1), &active) || active > raid)
                    return fail(no, QStringLiteral("%1 is not a valid [raid disks/working disks] count").arg(quoted(tok)));
                a.raidDisks = raid;
                a.activeDisks = active;
                counts = true;
            } else {
                for (QChar c : inner)
                    if (c != u'U' && c != u'_')
                        return fail(no, QStringLiteral("%1 is not a member status like [UU_]").arg(quoted(tok)));
                if (status)
                    return fail(no, QStringLiteral("a second member status %1 for %2").arg(quoted(tok), a.name));
                a.memberStatus = inner.toString();
                status = true;
            }
        } else if (next == u"chunk," || next == u"chunk" || next == u"chunks" || next == u"rounding") {
            int kib = 0;
            if (!toKib(tok, &kib))
                return fail(no, QStringLiteral("%1 is not a size like 512k before '%2'").arg(quoted(tok), next.toString()));
            a.chunkKib = kib;
            chunks = chunks || next.startsWith(u"chunk");
            rounding = rounding || next == u"rounding";
            ++i;
        } else if (next == u"near-copies" || next == u"far-copies" || next == u"offset-copies") {
            // raid10: "2 near-copies", "2 far-copies", "2 offset-copies"
            if (!isDigits(tok))
                return fail(no, QStringLiteral("%1 is not a number of copies").arg(quoted(tok)));
            appendWords(&a.raid10Layout, tok, next);
            ++i;
        } else if (next == u"devices" && isDigits(tok) && i + 3 < t.size() && t[i + 2] == u"per" && t[i + 3] == u"set") {
            appendWords(&a.raid10Layout, tok, u"devices per set");
            i += 3;
        } else if (level == u"faulty" && isFaultyCounter(tok)) {
            // md-faulty's injected-error counters: nothing the model keeps.
        } else {
            return fail(no, QStringLiteral("unexpected %1 in the size line of %2").arg(quoted(tok), a.name));
        }
    }
    if (counts && status && a.memberStatus.size() != *a.raidDisks)
        return fail(no, QStringLiteral("the member status [%1] of %2 has %3 slots but the array has %4")
                            .arg(a.memberStatus, a.name).arg(a.memberStatus.size()).arg(*a.raidDisks));
    // The kernel omits "super" only for 0.90 superblocks (and 2.4 knew no other).
    if (!super && !a.metadata)
        a.metadata = QStringLiteral("0.90");
    m_haveSize = true;
    return sizeLineComplete(no, text, counts, status, chunks, rounding, parity);
}

// Each personality always prints its whole status; a missing piece means the
// line was cut off.
bool Parser::sizeLineComplete(int no, QStringView text, bool counts, bool status, bool chunks, bool rounding, bool parity)
{
    const Array &a = current();
    if (a.state == ArrayState::Inactive || !a.level)
        return true;
    const QString &level = *a.level;
    QString missing;
    if (isParityLevel(level) && (!parity || !a.chunkKib || !a.layout))
        missing = QStringLiteral("'level L, Nk chunk, algorithm A'");
    else if (printsSlotStatus(level) && (!counts || !status))
        missing = QStringLiteral("'[n/m] [UU]'");
    else if (level == u"raid0" && !chunks)
        missing = QStringLiteral("'Nk chunks'");
    else if (level == u"linear" && !rounding)
        missing = QStringLiteral("'Nk rounding'");
    if (missing.isEmpty())
        return true;
    return fail(no, QStringLiteral("the size line of %1 lacks %2, which %3 always prints; it looks cut off: %4")
                        .arg(a.name, missing, level, quoted(text)));
}

// "[==>....]  recovery = 12.6% (37043392/292945152) finish=127.5min speed=33440K/sec"
bool Parser::progress(int no, QStringView text)
{
    if (!checkArrayContent(no, QStringLiteral("a progress line")))
        return false;
    Array &a = current();
    if (m_haveProgress)
        return fail(no, QStringLiteral("a second progress line for %1").arg(a.name));
    const qsizetype close = text.indexOf(u']');
    if (close < 0)
        return fail(no, QStringLiteral("the progress bar of %1 is cut off (its bracket is not closed)").arg(a.name));
    for (QChar c : text.mid(1, close - 1))
        if (c != u'=' && c != u'>' && c != u'.')
            return fail(no, QStringLiteral("%1 is not a progress bar").arg(quoted(text.left(close + 1))));

    // Built only on failure: this runs for every array on every md event.
    const auto malformed = [&] {
        return QStringLiteral("the progress line of %1 is incomplete (expected "
                              "'[==>...]  resync = 12.3% (done/total) finish=X.Ymin speed=NK/sec'): %2")
            .arg(a.name, quoted(text));
    };
    Cursor c(text.mid(close + 1));
    SyncProgress p;
    double percent = 0, finish = 0;
    qint64 done = 0, total = 0, speed = 0;
    c.skipSpaces();
    const QStringView label = c.word();
    const std::optional<SyncAction> action = printedSyncAction(label);
    if (!action || label == u"recover")
        return fail(no, label.isEmpty() ? malformed()
                                        : QStringLiteral("unknown kind of work %1 in the progress line of %2").arg(quoted(label), a.name));
    c.skipSpaces();
    if (!c.eat(u'='))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.tenths(&percent) || !c.eat(u'%'))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.eat(u'(') || !c.count(&done) || !c.eat(u'/') || !c.count(&total) || !c.eat(u')'))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.eat(u"finish=") || !c.tenths(&finish) || !c.eat(u"min"))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.eat(u"speed=") || !c.count(&speed) || !c.eat(u"K/sec"))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.atEnd())
        return fail(no, malformed());

    p.action = *action;
    p.status = SyncStatus::Running;
    p.percent = percent;
    p.doneKib = done;
    p.totalKib = total;
    p.finishMinutes = finish;
    p.speedKibPerSec = speed;
    a.sync = p;
    m_haveProgress = true;
    return true;
}

// "\tresync=DELAYED" (waiting for another array on the same disks), "resync=PENDING"
// (auto-read-only until the first write), md-cluster's "...=REMOTE" (another node works).
bool Parser::syncWord(int no, QStringView text)
{
    const qsizetype eq = text.indexOf(u'=');
    const QStringView word = text.left(eq);
    const QStringView what = text.mid(eq + 1);
    const std::optional<SyncAction> action = printedSyncAction(word);
    if (!action || (what != u"DELAYED" && what != u"PENDING" && what != u"REMOTE")) {
        if (!m_seenContent)
            return fail(no, QStringLiteral("this is not /proc/mdstat text: found %1").arg(quoted(text)));
        return fail(no, QStringLiteral("unrecognised line %1 (expected resync=DELAYED or resync=PENDING)").arg(quoted(text)));
    }
    if (!checkArrayContent(no, quoted(text)))
        return false;
    Array &a = current();
    if (m_haveProgress)
        return fail(no, QStringLiteral("a second progress line for %1").arg(a.name));
    SyncProgress p;
    p.action = *action;
    p.status = what == u"DELAYED" ? SyncStatus::Delayed : what == u"PENDING" ? SyncStatus::Pending : SyncStatus::Running;
    a.sync = p;
    m_haveProgress = true;
    return true;
}

// "bitmap: 1/8 pages [4KB], 65536KB chunk[, file: /path]"
bool Parser::bitmap(int no, QStringView text)
{
    if (!checkArrayContent(no, QStringLiteral("a bitmap line")))
        return false;
    Array &a = current();
    if (a.bitmap)
        return fail(no, QStringLiteral("a second bitmap line for %1").arg(a.name));
    const auto malformed = [&] {
        return QStringLiteral("the bitmap line of %1 is incomplete (expected 'bitmap: P/T pages [NKB], NKB chunk'): %2")
            .arg(a.name, quoted(text));
    };
    Cursor c(text);
    qint64 inMemory = 0, total = 0, kib = 0, chunk = 0;
    c.eat(u"bitmap:");
    c.skipSpaces();
    if (!c.count(&inMemory) || !c.eat(u'/') || !c.count(&total))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.eat(u"pages"))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.eat(u'[') || !c.count(&kib) || !c.eat(u"KB]") || !c.eat(u','))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.count(&chunk))
        return fail(no, malformed());
    // Chunks under 1 KiB print in bytes.
    const bool inKib = c.eat(u"KB");
    if (!inKib && !c.eat(u'B'))
        return fail(no, malformed());
    c.skipSpaces();
    if (!c.eat(u"chunk") || inMemory > total)
        return fail(no, malformed());
    Bitmap b;
    if (c.eat(u',')) {
        c.skipSpaces();
        if (!c.eat(u"file:"))
            return fail(no, malformed());
        c.skipSpaces();
        const QStringView path = c.rest().trimmed();
        if (path.isEmpty())
            return fail(no, QStringLiteral("the bitmap file of %1 is missing; the line looks cut off").arg(a.name));
        b.file = unescapeOctal(path);
    } else {
        c.skipSpaces();
        if (!c.atEnd())
            return fail(no, malformed());
    }
    // The kernel prints pages in memory / total pages.
    b.pagesInMemory = inMemory;
    b.pagesTotal = total;
    b.memoryKib = kib;
    b.chunkBytes = inKib ? chunk * 1024 : chunk;
    a.bitmap = b;
    return true;
}

// "unused devices: <none>" or "unused devices: sdc1 sdd1 "
bool Parser::unused(int no, const Tokens &t)
{
    if (!sizeLinePresent())
        return false;
    closeArray();
    if (t.size() < 3)
        return fail(no, QStringLiteral("'unused devices:' is followed by nothing; the line looks cut off"));
    m_seenFooter = true;
    m_seenContent = true;
    if (t.size() == 3 && t[2] == u"<none>")
        return true;
    for (qsizetype i = 2; i < t.size(); ++i) {
        const QStringView d = t[i];
        if (d.startsWith(u'<') || d.contains(u'[') || d.contains(u'('))
            return fail(no, QStringLiteral("%1 is not a device name%2").arg(quoted(d),
                            d.startsWith(u"<n") ? QStringLiteral("; the line looks cut off") : QString()));
        m_out.unusedDevices.append(d.toString());
    }
    return true;
}

// Fills in what the kernel leaves implicit once an array's lines are all read.
void Parser::closeArray()
{
    if (!m_inArray || m_out.arrays.isEmpty())
        return;
    m_inArray = false;
    Array &a = current();
    if (a.state != ArrayState::Inactive && !a.raidDisks) {
        // raid0, linear, faulty print no [n/m]: every working member is a disk.
        int n = 0;
        for (const Member &m : a.members)
            if (!m.spare && !m.faulty && !m.journal)
                ++n;
        a.raidDisks = n;
        a.activeDisks = n;
    }
    a.degraded = (a.raidDisks && a.activeDisks && *a.activeDisks < *a.raidDisks)
        || a.memberStatus.contains(u'_');
}

} // namespace

bool parseMdstat(const QString &text, MdstatContents *out, QString *error)
{
    Parser p;
    return p.parse(text, out, error);
}

} // namespace plexus
