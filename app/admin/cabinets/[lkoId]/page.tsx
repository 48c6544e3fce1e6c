export default function Section() {
  return <p className="card">Здесь будут данные кабинета из ЕСИА и подтверждение их актуальности.</p>;
}
