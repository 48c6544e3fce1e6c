export default function Section() {
  return <p className="card">Здесь будут сообщения граждан, поступившие через виджет.</p>;
}
